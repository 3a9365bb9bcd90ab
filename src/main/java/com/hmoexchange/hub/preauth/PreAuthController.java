package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A practice's side of pre-authorisation (its staff): ask for a code, follow the request, answer the HMO's questions. */
@RestController
@RequestMapping("/api/preauthorisations")
@Tag(name = "Pre-authorisation: practice", description = "Ask the member's HMO for a PA code; NHIA's one-hour clock runs "
        + "from the request (docs/pre-authorisation.md)")
class PreAuthController {

    private final PreAuthorisations preAuthorisations;

    PreAuthController(PreAuthorisations preAuthorisations) {
        this.preAuthorisations = preAuthorisations;
    }

    record Answer(@NotBlank @Size(max = 2000) String answer) {
    }

    @PostMapping
    @Operation(summary = "Ask for a PA code: refused (problem details) for an unknown member, a payer without a current "
            + "contract, cover not running today, or a payer that takes no requests; an EMERGENCY gets the hub's code at once")
    ResponseEntity<PreAuthView> request(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewPreAuthRequest body) {
        PreAuthView view = preAuthorisations.request(user, body);
        return ResponseEntity.created(URI.create("/api/preauthorisations/" + view.reference())).body(view);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ask for a PA code with supporting files: part `request` the same JSON as above (sent with "
            + "Content-Type application/json), parts `files` PDF, JPEG or PNG files (at most 10, each within "
            + "HUB_ATTACHMENT_MAX_BYTES). A file of another type or too large is refused (422, field `files`) and nothing is "
            + "kept; the files go to the payer with the request (docs/pre-authorisation.md)")
    ResponseEntity<PreAuthView> requestWithFiles(@AuthenticationPrincipal HubUser user,
            @Valid @RequestPart("request") NewPreAuthRequest body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        PreAuthView view = preAuthorisations.request(user, body, uploads(files));
        return ResponseEntity.created(URI.create("/api/preauthorisations/" + view.reference())).body(view);
    }

    @GetMapping
    @Operation(summary = "Your practice's requests, newest first, with status, time left and code")
    List<PreAuthView> list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "50") int size) {
        return preAuthorisations.practiceList(user, size);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One request")
    PreAuthView one(@AuthenticationPrincipal HubUser user, @PathVariable String reference) {
        return preAuthorisations.practiceOne(user, reference);
    }

    @PostMapping("/{reference}/answer")
    @Operation(summary = "Answer the HMO's question on the request: the clock starts again with the time the HMO had left")
    PreAuthView answer(@AuthenticationPrincipal HubUser user, @PathVariable String reference, @Valid @RequestBody Answer body) {
        return preAuthorisations.answer(user, reference, body.answer());
    }

    @PostMapping(path = "/{reference}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer the HMO's question with files: field `answer` (text), parts `files` (PDF, JPEG or PNG, "
            + "at most 10 on the request in all); a bad file refuses the answer (422, field `files`) and nothing changes")
    PreAuthView answerWithFiles(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @RequestParam(defaultValue = "") String answer,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        if (answer.length() > 2000) {
            throw new InvalidInput("answer", "The answer is " + answer.length() + " characters; at most 2000 are taken.");
        }
        return preAuthorisations.answer(user, reference, answer, uploads(files));
    }

    @GetMapping("/{reference}/attachments/{attachmentId}")
    @Operation(summary = "Download one of the request's files (409 once retention removed it from a request decided long ago)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @PathVariable long attachmentId) {
        return download(preAuthorisations.practiceFile(user, reference, attachmentId));
    }

    /** The files of a multipart request, leaving out an empty file input (a form sent without choosing a file). */
    static List<PreAuthorisations.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
                .map(f -> {
                    try {
                        return new PreAuthorisations.Upload(f.getOriginalFilename(), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    /** A file as a download: never shown inline, its type as the hub detected it. */
    static ResponseEntity<byte[]> download(PreAuthorisations.AttachmentFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }
}

package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An HMO loads its members from a roster file (CSV or X12 834): preview first, then apply. */
@RestController
@RequestMapping("/api/hmo")
@Tag(name = "HMO: members roster", description = "Member roster as CSV or X12 834: preview, apply, history, audit")
class RosterController {

    private final Rosters rosters;

    RosterController(Rosters rosters) {
        this.rosters = rosters;
    }

    @PostMapping(path = "/rosters/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "What the roster file would add, change and terminate, and every row it refuses (changes nothing)")
    RosterReport preview(@AuthenticationPrincipal HubUser user, @RequestPart("file") MultipartFile file) throws IOException {
        return rosters.preview(user.requireHmoPayerId(), name(file), content(file));
    }

    @PostMapping(path = "/rosters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Apply the roster file: all of it, or nothing when a row is refused (409 roster-refused lists them)")
    RosterReport apply(@AuthenticationPrincipal HubUser user, @RequestPart("file") MultipartFile file) throws IOException {
        return rosters.apply(user.requireHmoPayerId(), name(file), content(file), user.getUsername());
    }

    @GetMapping("/rosters")
    @Operation(summary = "Roster files applied, newest first (at most 200)")
    List<Rosters.AppliedFile> files(@AuthenticationPrincipal HubUser user) {
        return rosters.files(user.requireHmoPayerId());
    }

    @GetMapping("/enrollee-audit")
    @Operation(summary = "Every roster change to one of the HMO's enrollees, with the file it came from")
    List<Rosters.AuditEntry> audit(@AuthenticationPrincipal HubUser user, @RequestParam String enrolleeNumber) {
        return rosters.audit(user.requireHmoPayerId(), enrolleeNumber);
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "roster" : name;
    }

    private static byte[] content(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInput("file", "The file is empty; choose the roster file (CSV or X12 834).");
        }
        return file.getBytes();
    }
}

package com.hmoexchange.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The notice itself, without Spring: whom it is for, and a message cut to what the store holds. */
class NotificationTests {

    @Test
    void a_notice_about_a_file_with_a_very_long_name_still_fits() {
        // Moved from BulkRequestTests: the HMO's notices now share the store's column (1000 characters, was 500).
        Notification notice = new Notification(Recipient.hmo(1), NotificationKind.CHANGE_REQUESTS_RECEIVED, About.nothing(),
                "Client sent 1 request(s) in file " + "x".repeat(1100) + ".csv", Instant.now());

        assertThat(notice.getMessage()).hasSize(Notification.MESSAGE_LENGTH).endsWith("...");
    }

    @Test
    void a_notice_is_read_by_its_own_audience_and_owner_only() {
        Notification notice = new Notification(Recipient.hmo(7), NotificationKind.CHANGE_REQUESTED, About.changeRequest(42L),
                "Acme Ltd asks: remove dependent ACM-1-02 (request 42)", Instant.now());

        assertThat(notice.isFor(Recipient.hmo(7))).isTrue();
        assertThat(notice.isFor(Recipient.hmo(8))).isFalse();
        assertThat(notice.isFor(Recipient.practice(7))).isFalse();
        assertThat(notice.isFor(Recipient.client(7))).isFalse();
    }

    @Test
    void every_audience_but_the_operators_needs_its_owner() {
        assertThatThrownBy(() -> new Recipient(Audience.PRACTICE, null)).hasMessageContaining("needs its owner");
        assertThatThrownBy(() -> new Recipient(Audience.OPERATORS, 3L)).hasMessageContaining("no owner");
        assertThat(Recipient.operators().ownerId()).isNull();
    }
}

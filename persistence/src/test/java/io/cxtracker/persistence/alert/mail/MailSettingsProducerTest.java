package io.cxtracker.persistence.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.persistence.profile.DeploymentMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hold-after-send fault hook is a developer machine's only, like the moved clock, and must be a duration. */
class MailSettingsProducerTest {

    @Test
    void theHoldIsRefusedOutsideLocalModeAndMustBeADuration() {
        assertEquals(Optional.empty(), MailSettingsProducer.judge(DeploymentMode.LOCAL, "PT30S"));
        assertEquals(Optional.empty(), MailSettingsProducer.judge(DeploymentMode.PRODUCTION, null));
        assertEquals(Optional.empty(), MailSettingsProducer.judge(DeploymentMode.PRODUCTION, " "));
        assertTrue(MailSettingsProducer.judge(DeploymentMode.PRODUCTION, "PT30S").orElseThrow()
                .startsWith("CX_MAIL_HOLD_AFTER_SEND (cx.mail.hold-after-send) delays marking mails sent"));
        assertTrue(MailSettingsProducer.judge(DeploymentMode.LOCAL, "30 seconds").orElseThrow().contains("ISO-8601"));
        assertTrue(MailSettingsProducer.judge(DeploymentMode.LOCAL, "-PT1S").isPresent());
    }
}

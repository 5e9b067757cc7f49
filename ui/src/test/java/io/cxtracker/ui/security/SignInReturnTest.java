package io.cxtracker.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInReturnTest {

    @Test
    void recognisesTheRedirectToTheAuthorizationEndpoint() {
        assertTrue(SignInReturn.isSignInRedirect(302, "http://localhost:8180/realms/cxtracker/protocol/openid-connect/auth"
                + "?response_type=code&client_id=cxtracker&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fdashboard&state=x"));
        assertFalse(SignInReturn.isSignInRedirect(200, "http://k/auth?response_type=code&redirect_uri=x"));
        assertFalse(SignInReturn.isSignInRedirect(302, "http://localhost:8080/dashboard"));
        assertFalse(SignInReturn.isSignInRedirect(302, null));
    }

    @Test
    void recognisesKeycloaksAnswerByCodeAndState() {
        assertTrue(SignInReturn.isSignInAnswer("state=abc&session_state=d&iss=x&code=123"));
        assertFalse(SignInReturn.isSignInAnswer("program=3"));
        assertFalse(SignInReturn.isSignInAnswer("code=3"));
        assertFalse(SignInReturn.isSignInAnswer("postcode=3&statement=4"));
        assertFalse(SignInReturn.isSignInAnswer(null));
    }

    @Test
    void theSavedAddressRoundTripsThroughTheCookieForItsOwnPathOnly() {
        String value = SignInReturn.encode("/accountability/support", "milestone=42&from=2026-01-01");
        assertFalse(value.contains(";") || value.contains(",") || value.contains(" ") || value.contains("\""), value);
        assertEquals(Optional.of("/accountability/support?milestone=42&from=2026-01-01"),
                SignInReturn.savedFor(value, "/accountability/support"));
        assertEquals(Optional.empty(), SignInReturn.savedFor(value, "/dashboard"));
    }

    @Test
    void neverSendsTheBrowserElsewhere() {
        for (String forged : new String[] {"//evil.example/x?y=1", "http://evil.example/?a=1", "/\\evil.example?a=1",
                "/dashboard", "/dashboard?", "%zz", "/dashboard?a=1%0d%0aSet-Cookie:%20x=y"}) {
            assertEquals(Optional.empty(), SignInReturn.savedFor(forged, "/dashboard"), forged);
        }
        assertEquals(Optional.empty(), SignInReturn.savedFor(null, "/dashboard"));
    }

    @Test
    void replacesOnlyARedirectToTheBarePath() {
        assertTrue(SignInReturn.isBareReturnTo("http://localhost:8080/dashboard", "/dashboard"));
        assertTrue(SignInReturn.isBareReturnTo("/dashboard", "/dashboard"));
        assertFalse(SignInReturn.isBareReturnTo("http://localhost:8080/dashboard?program=3", "/dashboard"));
        assertFalse(SignInReturn.isBareReturnTo("http://localhost:8080/roadmap", "/dashboard"));
        assertFalse(SignInReturn.isBareReturnTo(null, "/dashboard"));
        assertFalse(SignInReturn.isBareReturnTo("http://[bad", "/dashboard"));
    }
}

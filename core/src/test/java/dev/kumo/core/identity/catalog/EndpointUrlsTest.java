package dev.kumo.core.identity.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.model.error.CloudException;
import org.junit.jupiter.api.Test;

class EndpointUrlsTest {
    @Test
    void plainUrlsAreKeptAsTheyAre() {
        assertThat(EndpointUrls.validate("http://h:5000/identity/v3")).isEqualTo("http://h:5000/identity/v3");
        assertThat(EndpointUrls.render("http://h:5000/v3", null, null)).hasValue("http://h:5000/v3");
    }

    @Test
    void bothSubstitutionSyntaxesAreFilledIn() {
        assertThat(EndpointUrls.render("http://h/v3/$(project_id)s", "p1", "u1")).hasValue("http://h/v3/p1");
        assertThat(EndpointUrls.render("http://h/v1/AUTH_%(tenant_id)s?u=%(user_id)s", "p1", "u1"))
                .hasValue("http://h/v1/AUTH_p1?u=u1");
        assertThat(EndpointUrls.render("http://h/100%%/$(user_id)s", null, "u1")).hasValue("http://h/100%/u1");
    }

    @Test
    void anEndpointNeedingAProjectIsLeftOutOfOtherTokens() {
        assertThat(EndpointUrls.render("http://h/v3/$(project_id)s", null, "u1")).isEmpty();
        assertThat(EndpointUrls.render("http://h:$(public_port)s/", "p", "u")).isEmpty();
    }

    @Test
    void invalidUrlsAreRefused() {
        for (String bad : new String[] {"no-scheme", "http://h/%(nope)s", "http://h/%20", "http://h/%(project_id)", "http://h/%(project_id)d", "h:"}) {
            assertThatThrownBy(() -> EndpointUrls.validate(bad)).as(bad).isInstanceOf(CloudException.class);
        }
        assertThatThrownBy(() -> EndpointUrls.validate("http://h/" + "a".repeat(220))).isInstanceOf(CloudException.class);
        assertThat(EndpointUrls.validate("http://h/$(public_port)s/%%")).isNotNull();
    }
}

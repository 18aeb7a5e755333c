package org.pidlink.app.reconcile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A webhook callback that arrives while pidlink's database cannot be reached (under overload every connection of the
 * pool was busy for its whole wait) is answered 503 problem+json, which ORCID retries, instead of a 500.
 */
class WebhookCallbackUnavailableTest {

    @Test
    void aCallbackTheDatabaseCannotTakeNowIsAnswered503ForORCIDToSendAgain() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/pidlink?connectTimeout=2", "pidlink", "none");
        WebhookStore store = new WebhookStore(JdbcClient.create(unreachable), null);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new WebhookCallbackController(store, null)).build();

        mvc.perform(post(WebhookRegistrar.CALLBACK_PATH + "some-secret"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("send it again later")));
    }
}

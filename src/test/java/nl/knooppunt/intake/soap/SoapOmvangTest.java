package nl.knooppunt.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The SOAP size cap refuses by declared length before anything reads the body, and cuts off a chunked body. */
class SoapOmvangTest {

    private final SoapOmvang omvang = new SoapOmvang(25L * 1024 * 1024);

    @Test
    void aDeclared200MbRequestIsRefusedWithKp004WithoutReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ws/berichten") {
            @Override
            public long getContentLengthLong() {
                return 200L * 1024 * 1024;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                throw new AssertionError("the body must not be read");
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        omvang.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("KP004").contains("soap:Fault");
        assertThat(chain.getRequest()).as("CXF never sees it").isNull();
    }

    @Test
    void aRequestWithinTheCapPassesUnchanged() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ws/berichten");
        request.setContent(new byte[1000]);
        MockFilterChain chain = new MockFilterChain();

        omvang.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aChunkedRequestIsCutOffOnceItPassesTheCap() throws Exception {
        SoapOmvang klein = new SoapOmvang(3000);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ws/berichten") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[(int) klein.maxRequest() + 10]);
        MockFilterChain chain = new MockFilterChain();

        klein.doFilter(request, new MockHttpServletResponse(), chain);

        InputStream in = chain.getRequest().getInputStream();
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("KP004");
    }
}

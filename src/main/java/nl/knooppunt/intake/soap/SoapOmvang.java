package nl.knooppunt.intake.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.knooppunt.validation.Afkeurcode;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size cap in front of CXF, so an oversized SOAP request is refused before anything reads it into memory. A
 * declared Content-Length over the cap gets HTTP 413 with a SOAP fault naming KP004 at once, unread; a chunked request
 * is cut off with an IOException as soon as it passes the cap. The cap is {@code knooppunt.max-bericht-size} in
 * base64 (the bericht travels inline or as an MTOM attachment) plus 1 MB for the envelope.
 */
class SoapOmvang extends OncePerRequestFilter {

    private final long maxRequest;

    SoapOmvang(long maxBerichtSize) {
        this.maxRequest = maxBerichtSize / 3 * 4 + 4 + 1024 * 1024;
    }

    long maxRequest() {
        return maxRequest;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequest) {
            weiger(response, declared);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Begrensd(request, maxRequest), response);
    }

    private void weiger(HttpServletResponse response, long declared) throws IOException {
        String tekst = Afkeurcode.KP004.name() + ": " + Afkeurcode.KP004.melding(declared + " bytes aangeboden, maximaal "
                + maxRequest + " per SOAP-verzoek").omschrijving();
        response.setHeader("Connection", "close");
        SoapToegang.clientFault(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tekst);
    }

    /**
     * A body without a declared length that passed the cap while CXF read it: {@link TransientFaultInterceptor}
     * answers it with KP004 (the sender must not offer it again), not as a transient failure.
     */
    static final class TeGroot extends IOException {
        TeGroot(long max) {
            super(Afkeurcode.KP004.name() + ": " + Afkeurcode.KP004.melding("SOAP-verzoek groter dan " + max
                    + " bytes; niet verder gelezen").omschrijving());
        }
    }

    /** A request body without a declared length, cut off once it passes the cap. */
    private static final class Begrensd extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Begrensd(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long gelezen;

                    private int tel(int n) throws IOException {
                        if (n > 0 && (gelezen += n) > max) {
                            throw new TeGroot(max);
                        }
                        return n;
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        tel(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return tel(in.read(b, off, len));
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

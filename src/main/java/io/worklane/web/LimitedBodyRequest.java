package io.worklane.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body stream fails once more than the limit has been read (bodies without a length). */
class LimitedBodyRequest extends HttpServletRequestWrapper {

    /** Thrown while reading; the advice answers 413. */
    static final class BodyTooLargeException extends IOException {

        final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long limit;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream body = super.getInputStream();
        return new ServletInputStream() {

            private long read;

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b >= 0 && ++read > limit) {
                    throw new BodyTooLargeException(limit);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                if (n > 0 && (read += n) > limit) {
                    throw new BodyTooLargeException(limit);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        };
    }
}

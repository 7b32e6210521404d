package org.lichain.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a URI that escapes the root such as
 * {@code /static/../../etc/passwd}, a malformed request line), as RFC 9457 problem details instead of an HTML page.
 * A URI that cannot be resolved is a 404 like every other path that names no resource: a traversal attempt
 * learns nothing from the status.
 */
final class JettyErrors extends ErrorHandler {
    /**
     * Jetty answers a request line it cannot resolve (a path escaping the root, a NUL byte) with a bare 400 on a
     * synthetic {@code /badMessage} request (the original target is not kept). Such a request names no resource.
     */
    private static boolean unresolvablePath(Request request) {
        if (request == null) {
            return false;
        }
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        return path == null || path.equals("/badMessage") || request.getHttpURI().getCanonicalPath() == null;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code;
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        if (code == 400 && (unresolvablePath(request) || lower.contains("uri") || lower.contains("ambiguous"))) {
            status = 404;
            text = "no resource at this path";
        }
        ObjectNode o = Json.object();
        o.put("type", status == 404 ? "/problems/not-found" : "/problems/http-" + status);
        o.put("title", status == 404 ? "Not found" : "HTTP " + status);
        o.put("status", status);
        o.put("detail", text.isEmpty() ? "HTTP " + status : text);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, LichainServer.PROBLEM_JSON);
        RequestGuard.securityHeaders((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(Json.bytes(o)), callback);
    }
}

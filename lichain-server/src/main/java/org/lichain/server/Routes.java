package org.lichain.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers routes on Javalin's config and records them, so that a test can check each is in the OpenAPI document. */
final class Routes {
    private final RoutesConfig routes;
    private final List<RouteInfo> infos = new ArrayList<>();

    Routes(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler h) {
        routes.get(path, h);
        infos.add(new RouteInfo("get", path, false));
    }

    void post(String path, Handler h) {
        routes.post(path, h);
        infos.add(new RouteInfo("post", path, true));
    }

    void delete(String path, Handler h) {
        routes.delete(path, h);
        infos.add(new RouteInfo("delete", path, true));
    }

    List<RouteInfo> infos() {
        return List.copyOf(infos);
    }
}

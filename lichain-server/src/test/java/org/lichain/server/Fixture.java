package org.lichain.server;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.lichain.dataset.DatasetLoader;
import org.lichain.dataset.DatasetSource;
import org.lichain.world.World;

/** The synthetic four-asset dataset of src/test/resources/fixture-dataset (invented values, not data). */
final class Fixture {
    static final String TOKEN = "test-token-0123456789abcdef";

    private Fixture() {
    }

    static World world() {
        URL u = Fixture.class.getResource("/fixture-dataset/assets.csv");
        try {
            return DatasetLoader.load(DatasetSource.directory(Path.of(u.toURI()).getParent()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ephemeral port on loopback with the test token. */
    static ServerConfig config() {
        return ServerConfig.defaults(TOKEN).withPort(0);
    }
}

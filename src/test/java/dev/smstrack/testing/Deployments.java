package dev.smstrack.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as it is, so that tests exercise what operators deploy. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive productWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")));
    }

    /** The product WAR plus in-container test classes, Awaitility and the test users. */
    public static WebArchive productWarWith(Class<?>... testClasses) {
        return productWar()
                .addClasses(testClasses)
                .addClass(TestUsers.class)
                .addAsResource(
                        TestUsers.FILE.toFile(), TestUsers.FILE.getFileName().toString())
                .addPackages(true, "org.awaitility", "org.hamcrest");
    }
}

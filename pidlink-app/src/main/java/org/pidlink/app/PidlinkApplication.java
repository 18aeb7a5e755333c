package org.pidlink.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PidlinkApplication {

    public static void main(String[] args) {
        SpringApplication.run(PidlinkApplication.class, args);
    }
}

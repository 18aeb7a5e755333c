package org.pidlink.app.admin;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the administrators' settings that other features read. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    TypeMappings typeMappings(DataSource dataSource, Clock clock, TypeMappingProperties properties) {
        return new TypeMappings(dataSource, clock, properties);
    }
}

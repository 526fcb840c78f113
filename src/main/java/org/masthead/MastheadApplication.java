package org.masthead;

import org.masthead.identity.AdminCommand;
import org.masthead.search.SearchCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Masthead: newsroom CMS and reader site in one process. Embedded defaults (SQLite in
 * {@code ./data}) unless {@code spring.datasource.url} points elsewhere.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MastheadApplication {

	public static void main(String[] args) {
		if (AdminCommand.matches(args)) { // java -jar masthead.jar admin ...: one command, then exit
			System.exit(AdminCommand.run(MastheadApplication.class, args, System.in, System.out, System.err));
		}
		if (SearchCommand.matches(args)) { // java -jar masthead.jar search rebuild: one command, then exit
			System.exit(SearchCommand.run(MastheadApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(MastheadApplication.class, args);
	}

}

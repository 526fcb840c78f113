package org.masthead;

import org.masthead.identity.AdminCommand;
import org.masthead.platform.GenericTypeLookupBeanFactory;
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
		application().run(args);
	}

	/**
	 * The application as {@link #main} runs it: on {@link GenericTypeLookupBeanFactory}, which answers
	 * lookups by generic types from Spring's cache once the configuration is frozen.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(MastheadApplication.class);
		application.setApplicationContextFactory(GenericTypeLookupBeanFactory.contextFactory());
		return application;
	}

}

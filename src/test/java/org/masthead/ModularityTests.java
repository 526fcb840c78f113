package org.masthead;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries: modules use each other only through their root (API) packages, without cycles. */
class ModularityTests {

	/** Production classes only, wherever the build puts test classes ({@code -Dmasthead.build.dir}). */
	private static final ImportOption PRODUCTION = location -> !location.contains("/test-classes/");

	private final ApplicationModules modules = ApplicationModules.of(MastheadApplication.class, PRODUCTION);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void platformDependsOnNoOtherModule() {
		assertThat(modules.getModuleByName("platform").orElseThrow().getBootstrapDependencies(modules)).isEmpty();
	}

	@Test
	void everyModuleHasAGlossary() {
		modules.forEach(module -> assertThat(java.nio.file.Path.of("src/main/java",
				module.getBasePackage().getName().replace('.', '/'), "CONTEXT.md"))
			.as(module.getName())
			.exists());
	}

}

package org.masthead.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masthead's properties classes are checked by PropertiesValidation's one validator: a value that
 * breaks a constraint, at the top or in a nested record, stops the start and names the property;
 * good values bind; and no properties class is marked {@code @Validated}, which would make Boot build
 * a validator factory of its own for it.
 */
class PropertiesValidationTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MastheadProperties.class, StorageProperties.class })
	static class Properties {

	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesValidation.class, Properties.class);

	@Test
	void aValueThatBreaksAConstraintStopsTheStartAndNamesTheProperty() {
		runner.withPropertyValues("masthead.data-dir=/tmp/x", "masthead.site.page-size=0").run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof BindValidationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a BindValidationException in %s", context.getStartupFailure()).isNotNull();
			assertThat(failure.getMessage()).contains("site.pageSize").contains("must be greater than or equal to 1");
		});
	}

	@Test
	void aBlankNameInANestedRecordIsRefusedToo() {
		runner.withPropertyValues("masthead.site.name= ").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("masthead.site.name");
		});
	}

	@Test
	void goodValuesBind() {
		runner.withPropertyValues("masthead.site.page-size=20").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MastheadProperties.class).site().pageSize()).isEqualTo(20);
			assertThat(context.getBean(StorageProperties.class)).isNotNull();
		});
	}

	@Test
	void noPropertiesClassIsMarkedValidated() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.masthead");
		noClasses().that().areAnnotatedWith(ConfigurationProperties.class).should().beAnnotatedWith(Validated.class)
			.because("PropertiesValidation checks their constraints with one validator factory; @Validated makes Boot build one more")
			.check(classes);
	}

}

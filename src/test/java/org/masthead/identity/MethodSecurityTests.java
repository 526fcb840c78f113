package org.masthead.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Method security is off (roles are path rules of identity's security filter chains, see
 * SecurityConfiguration), so an authorization annotation on a class or method would protect nothing:
 * none may appear.
 */
class MethodSecurityTests {

	private static final String[] ANNOTATIONS = { "org.springframework.security.access.prepost.PreAuthorize",
			"org.springframework.security.access.prepost.PostAuthorize",
			"org.springframework.security.access.prepost.PreFilter",
			"org.springframework.security.access.prepost.PostFilter",
			"org.springframework.security.access.annotation.Secured", "jakarta.annotation.security.RolesAllowed" };

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.masthead");

	@Test
	void noClassOrMethodCarriesAnAuthorizationAnnotationThatNothingWouldEnforce() {
		for (String annotation : ANNOTATIONS) {
			ArchRule onClasses = noClasses().should().beAnnotatedWith(annotation)
				.because("method security is off: put the rule in SecurityConfiguration's filter chains");
			ArchRule onMethods = noMethods().should().beAnnotatedWith(annotation)
				.because("method security is off: put the rule in SecurityConfiguration's filter chains");
			onClasses.check(classes);
			onMethods.check(classes);
		}
	}

}

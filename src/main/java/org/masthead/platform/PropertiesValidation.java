package org.masthead.platform;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.validation.Errors;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Checks the Bean Validation constraints of Masthead's own {@code @ConfigurationProperties} classes
 * when they are bound at start, with one validator factory for all of them. Spring Boot builds a
 * whole Hibernate Validator factory for every properties class marked {@code @Validated}: thirteen
 * factories, about a tenth of the main thread's work before the first page. Boot hands every binding
 * to the bean named {@value EnableConfigurationProperties#VALIDATOR_BEAN_NAME}; this one takes the
 * classes of {@code org.masthead} that carry {@code @ConfigurationProperties}, and their nested
 * records through {@code @Valid}. So those classes carry constraints and no {@code @Validated}
 * ({@code PropertiesValidationTests} checks both). A value that breaks a constraint stops the start
 * with Boot's usual report: the property, its value and what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class PropertiesValidation {

	/**
	 * Static, as Boot asks of this bean: it is needed before any configuration class is created. An
	 * infrastructure bean, so Spring does not warn at every start that it was made before the bean
	 * post-processors (it needs none of them).
	 */
	@Bean(EnableConfigurationProperties.VALIDATOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Validator configurationPropertiesValidator() {
		return new MastheadPropertiesValidator();
	}

	/** Validates Masthead's properties classes; the factory is built at the first of them. */
	static final class MastheadPropertiesValidator implements Validator {

		private final SingletonSupplier<LocalValidatorFactoryBean> factory = SingletonSupplier.of(() -> {
			LocalValidatorFactoryBean built = new LocalValidatorFactoryBean();
			built.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
			built.afterPropertiesSet();
			return built;
		});

		@Override
		public boolean supports(Class<?> type) {
			return type.getName().startsWith("org.masthead.")
					&& AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class);
		}

		@Override
		public void validate(Object target, Errors errors) {
			factory.obtain().validate(target, errors);
		}

	}

}

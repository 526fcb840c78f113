package org.masthead.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.masthead.MastheadApplication;
import org.masthead.testing.DatabaseCondition;
import org.masthead.testing.TestDatabase;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Scope;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GenericTypeLookupBeanFactory answers a lookup by a generic type exactly as Spring's own lookup does,
 * in the same order: on a small context with the awkward cases (a factory bean, a prototype, a lazy bean,
 * a singleton registered by hand) and on the whole application as {@code main} starts it, for the
 * generic type of every bean and every customizer type Spring Security looks up.
 */
class GenericTypeLookupBeanFactoryTests {

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		Customizer<String> stringCustomizer() {
			return value -> { };
		}

		@Bean
		Customizer<Integer> integerCustomizer() {
			return value -> { };
		}

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		Customizer<String> prototypeStringCustomizer() {
			return value -> { };
		}

		@Bean
		@Lazy
		Customizer<String> lazyStringCustomizer() {
			return value -> { };
		}

		@Bean
		FactoryBean<Customizer<String>> madeStringCustomizer() {
			return new FactoryBean<>() {
				@Override
				public Customizer<String> getObject() {
					return value -> { };
				}

				@Override
				public Class<?> getObjectType() {
					return Customizer.class;
				}
			};
		}

		@Bean
		Supplier<List<String>> listSupplier() {
			return List::of;
		}

	}

	@Test
	void answersAsSpringDoesOnTheAwkwardCases() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(new GenericTypeLookupBeanFactory())) {
			context.register(Beans.class);
			context.getBeanFactory().registerSingleton("handMadeComparator", Comparator.<String>naturalOrder());
			context.refresh();
			GenericTypeLookupBeanFactory factory = (GenericTypeLookupBeanFactory) context.getBeanFactory();
			ResolvableType stringCustomizer = ResolvableType.forClassWithGenerics(Customizer.class, String.class);

			assertThat(factory.getBeanNamesForType(stringCustomizer, true, true)).containsExactly("stringCustomizer",
					"prototypeStringCustomizer", "lazyStringCustomizer", "madeStringCustomizer");
			assertThat(factory.getBeanNamesForType(stringCustomizer, false, true)).containsExactly("stringCustomizer",
					"lazyStringCustomizer", "madeStringCustomizer");
			assertThat(context.getBeanProvider(stringCustomizer).stream()).hasSize(4);

			List<ResolvableType> types = List.of(stringCustomizer,
					ResolvableType.forClassWithGenerics(Customizer.class, Integer.class),
					ResolvableType.forClassWithGenerics(Customizer.class, Long.class),
					ResolvableType.forClassWithGenerics(Comparator.class, String.class),
					ResolvableType.forClassWithGenerics(Supplier.class, ResolvableType.forClassWithGenerics(List.class, String.class)),
					ResolvableType.forClassWithGenerics(Supplier.class, ResolvableType.forClassWithGenerics(List.class, Integer.class)),
					ResolvableType.forClassWithGenerics(FactoryBean.class, ResolvableType.forClassWithGenerics(Customizer.class, String.class)));
			assertSameAnswers(factory, types);
		}
	}

	@Test
	@Tag("sql")
	@ExtendWith(DatabaseCondition.class)
	void answersAsSpringDoesOnTheWholeApplication() {
		var application = MastheadApplication.application();
		application.addInitializers(new TestDatabase());
		try (ConfigurableApplicationContext context = application.run("--server.port=0", "--masthead.audio.enabled=false")) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			assertThat(beanFactory).isInstanceOf(GenericTypeLookupBeanFactory.class);
			GenericTypeLookupBeanFactory factory = (GenericTypeLookupBeanFactory) beanFactory;

			Set<ResolvableType> types = new LinkedHashSet<>();
			for (String name : factory.getBeanDefinitionNames()) {
				BeanDefinition definition = factory.getMergedBeanDefinition(name);
				ResolvableType type = definition.getResolvableType();
				if (type.hasGenerics()) {
					types.add(type);
				}
			}
			for (Method method : HttpSecurity.class.getMethods()) {
				if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1
						&& method.getParameterTypes()[0] == Customizer.class) {
					types.add(ResolvableType.forMethodParameter(new MethodParameter(method, 0)));
				}
			}
			assertThat(types).hasSizeGreaterThan(40);
			assertThat(factory.getBeanNamesForType(ResolvableType.forClassWithGenerics(Customizer.class, HttpSecurity.class)))
				.isEqualTo(factory.namesTestingEveryDefinition(ResolvableType.forClassWithGenerics(Customizer.class, HttpSecurity.class), true));
			assertSameAnswers(factory, new ArrayList<>(types));
		}
	}

	private static void assertSameAnswers(GenericTypeLookupBeanFactory factory, List<ResolvableType> types) {
		int found = 0;
		for (ResolvableType type : types) {
			for (boolean includeNonSingletons : new boolean[] { true, false }) {
				String[] expected = factory.namesTestingEveryDefinition(type, includeNonSingletons);
				assertThat(factory.getBeanNamesForType(type, includeNonSingletons, true))
					.as("beans of type %s (non-singletons too: %s)", type, includeNonSingletons)
					.containsExactly(expected);
				found += expected.length;
			}
		}
		assertThat(found).as("beans found for %s types", types.size()).isPositive();
	}

}

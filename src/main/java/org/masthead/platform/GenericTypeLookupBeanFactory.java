package org.masthead.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.util.StringUtils;

/**
 * Spring's bean factory, with one lookup made cheaper: the names of the beans of a generic type, such
 * as {@code Customizer<CsrfConfigurer<HttpSecurity>>}, once the configuration is frozen.
 *
 * <p>Spring answers such a lookup by testing every bean definition against the whole type, every time:
 * it caches only lookups by a plain class. Spring Security makes one for every method of
 * {@code HttpSecurity} that takes a {@code Customizer} (about 35) for each of the three filter chains:
 * about 8% of the start's main thread. This factory takes the beans of the raw class from Spring's
 * cached lookup and tests only those against the whole type. A bean that matches {@code Customizer<X>}
 * is a {@code Customizer}, so the answer is the same, in the same order
 * ({@code GenericTypeLookupBeanFactoryTests} compares both answers for every generic type of the
 * application's beans). Before the configuration is frozen, and for lookups that must not initialise
 * beans eagerly, Spring's own lookup answers, as it does for plain classes.
 */
public class GenericTypeLookupBeanFactory extends DefaultListableBeanFactory {

	/**
	 * Makes the application's servlet context on this factory; other kinds of context as Boot makes them.
	 */
	public static ApplicationContextFactory contextFactory() {
		return type -> type == WebApplicationType.SERVLET
				? new AnnotationConfigServletWebServerApplicationContext(new GenericTypeLookupBeanFactory())
				: ApplicationContextFactory.DEFAULT.create(type);
	}

	@Override
	public String[] getBeanNamesForType(ResolvableType type, boolean includeNonSingletons, boolean allowEagerInit) {
		Class<?> raw = type.resolve();
		if (raw == null || !type.hasGenerics() || !allowEagerInit || !isConfigurationFrozen()) {
			return super.getBeanNamesForType(type, includeNonSingletons, allowEagerInit);
		}
		String[] candidates = getBeanNamesForType(raw, includeNonSingletons, true);
		List<String> matches = new ArrayList<>(candidates.length);
		for (String name : candidates) {
			if (isTypeMatch(name, type)) {
				matches.add(name);
			}
		}
		return StringUtils.toStringArray(matches);
	}

	/** Spring's own answer, testing every bean definition: what {@link #getBeanNamesForType} must equal. */
	String[] namesTestingEveryDefinition(ResolvableType type, boolean includeNonSingletons) {
		return super.getBeanNamesForType(type, includeNonSingletons, true);
	}

}

package org.masthead.editorial.workflow;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled articles go live through a recurring db-scheduler task that looks for articles whose
 * time has come. The state lives in the article rows, so a restart or a second node never
 * publishes twice or forgets one: db-scheduler runs each execution on exactly one node.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledPublishing {

	private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

	@Bean
	RecurringTask<Void> publishDueArticles(EditorialService editorial) {
		return Tasks.recurring("publish-due-articles", Schedules.fixedDelay(Duration.ofSeconds(5)))
			.execute((instance, context) -> {
				int published = editorial.publishDue();
				if (published > 0) {
					log.info("Published {} scheduled article(s)", published);
				}
			});
	}

}

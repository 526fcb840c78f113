package org.masthead.newsletter.sending;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sending job: a db-scheduler task, so it runs on one node at a time and starts again after a
 * restart. All its state is in the issue and delivery rows; the leases on those rows keep a second
 * sender (another node after a failover, a test's second worker) from sending anything twice.
 */
@Configuration(proxyBeanMethods = false)
class SendingJobs {

	/** The recurring job's name in {@code scheduled_tasks}. */
	static final String TASK = "newsletter-sending";

	@Bean
	RecurringTask<Void> newsletterSending(IssueSender sender) {
		return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofSeconds(1)))
			.execute((instance, context) -> sender.run());
	}

}

package org.masthead.newsletter.sending;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job that starts scheduled issues: a db-scheduler task, so it runs on one node at a time and
 * starts again after a restart. The sending itself is every node's own {@link SendingLoop}: all
 * nodes send the same issue at once; the leases on the delivery rows and the mark made with each
 * message's dot keep them (and a node taking over from a dead one) from sending anything twice.
 */
@Configuration(proxyBeanMethods = false)
class SendingJobs {

	/** The recurring job's name in {@code scheduled_tasks}. */
	static final String TASK = "newsletter-sending";

	@Bean
	RecurringTask<Void> newsletterSending(IssueSender sender) {
		return Tasks.recurring(TASK, Schedules.fixedDelay(Duration.ofSeconds(1)))
			.execute((instance, context) -> sender.startDue());
	}

}

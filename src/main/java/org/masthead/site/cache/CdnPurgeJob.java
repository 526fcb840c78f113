package org.masthead.site.cache;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job that sends waiting CDN purges: one node at a time, every {@code masthead.cdn.batch-delay}. */
@Configuration(proxyBeanMethods = false)
class CdnPurgeJob {

	@Bean
	RecurringTask<Void> cdnPurgeTask(CdnPurge purge, CdnProperties properties) {
		return Tasks.recurring(CdnPurge.TASK, Schedules.fixedDelay(properties.batchDelay()))
			.execute((instance, context) -> purge.send());
	}

}

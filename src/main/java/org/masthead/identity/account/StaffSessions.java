package org.masthead.identity.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sign-in sessions of staff, kept in the database by Spring Session: ending them here signs a
 * staff member out on every device and every node at once.
 */
@Service
public class StaffSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	/** The repository is absent only when the application runs without a web server (the CLI). */
	StaffSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
		this.repository = repository;
	}

	/** Ends every session of this staff member; returns how many there were. */
	public int endAll(long staffId) {
		FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
		if (sessions == null) {
			return 0;
		}
		var found = sessions.findByPrincipalName(StaffPrincipal.principalName(staffId));
		found.keySet().forEach(sessions::deleteById);
		return found.size();
	}

	/**
	 * Ends every session of this staff member once the current transaction commits (at once if
	 * there is none). Spring Session writes in a transaction of its own, which must not wait for
	 * ours: on SQLite it would wait for our write lock until it times out.
	 */
	public void endAllAfterCommit(long staffId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endAll(staffId);
				}
			});
		}
		else {
			endAll(staffId);
		}
	}

	/** Ends every session of this staff member but {@code keepSessionId} (the one in use). */
	public int endAllExcept(long staffId, String keepSessionId) {
		FindByIndexNameSessionRepository<?> sessions = repository.getObject();
		var found = sessions.findByPrincipalName(StaffPrincipal.principalName(staffId));
		found.keySet().stream().filter(id -> !id.equals(keepSessionId)).forEach(sessions::deleteById);
		return found.size() - (found.containsKey(keepSessionId) ? 1 : 0);
	}

	/** How many sessions this staff member has open. */
	public int count(long staffId) {
		return repository.getObject().findByPrincipalName(StaffPrincipal.principalName(staffId)).size();
	}

}

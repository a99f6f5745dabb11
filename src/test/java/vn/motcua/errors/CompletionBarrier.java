package vn.motcua.errors;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Holds completions of a task inside the engine until two of them are there, so that two
 * officials' completions really overlap (both have read the task before either commits).
 * Inactive unless armed.
 */
@TestComponent
class CompletionBarrier {

	private volatile CyclicBarrier barrier;

	void arm() {
		this.barrier = new CyclicBarrier(2);
	}

	void disarm() {
		this.barrier = null;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onComplete(DelegateTask task) throws Exception {
		CyclicBarrier current = this.barrier;
		if (current != null) {
			current.await(10, TimeUnit.SECONDS);
		}
	}

}

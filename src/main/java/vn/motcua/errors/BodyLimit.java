package vn.motcua.errors;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body: {@code motcua.limits.max-body} (1 MB) and, for deployments through
 * {@code /engine-rest/deployment/create}, {@code motcua.limits.max-deployment-body} (20 MB). A
 * declared length over the limit is answered 413 before anything is read; a body without a length
 * (chunked) stops being read at the limit and is answered 413 as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodyLimit extends OncePerRequestFilter {

	private final long maxBody;

	private final long maxDeploymentBody;

	BodyLimit(@Value("${motcua.limits.max-body:1MB}") DataSize maxBody,
			@Value("${motcua.limits.max-deployment-body:20MB}") DataSize maxDeploymentBody) {
		this.maxBody = maxBody.toBytes();
		this.maxDeploymentBody = maxDeploymentBody.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = request.getRequestURI().startsWith("/engine-rest/deployment/") ? this.maxDeploymentBody
				: this.maxBody;
		if (request.getContentLengthLong() > limit) {
			request.setAttribute(ErrorPages.MISTAKE, new TooLarge(limit));
			response.setHeader("Connection", "close");
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
	}

	/** A body over the limit; an IOException so that readers stop, a ClientMistake for the answer. */
	static class TooLarge extends IOException implements ClientMistake {

		private final long limit;

		TooLarge(long limit) {
			super("errors.body.tooLarge", null);
			this.limit = limit;
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.PAYLOAD_TOO_LARGE;
		}

		@Override
		public Object[] arguments() {
			return new Object[] { this.limit % (1024 * 1024) == 0 ? (this.limit >> 20) + " MB" : this.limit + " byte" };
		}

		@Override
		public Map<String, String> fields() {
			return Map.of();
		}

	}

	/** A request whose body of unknown length may not exceed the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Bounded(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws TooLarge {
						this.read += n;
						if (this.read > Bounded.this.limit) {
							throw new TooLarge(Bounded.this.limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}

package org.masthead.testing;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server in the test JVM: S3Proxy (from Maven Central) in front of jclouds'
 * in-memory blob store, on a loopback port, with AWS v4 signatures checked against a fixed key pair.
 * It can be stopped and started again on the same port with its objects kept, to play an outage.
 */
public final class S3TestServer implements AutoCloseable {

	public static final String ACCESS_KEY = "masthead-test";

	public static final String SECRET_KEY = "masthead-test-secret";

	private final BlobStoreContext context;

	private final int port;

	private S3Proxy proxy;

	private S3TestServer(int port) throws Exception {
		this.context = ContextBuilder.newBuilder("transient").credentials("unused", "unused").build(BlobStoreContext.class);
		this.port = port;
		start();
	}

	/** Starts a server on a free loopback port with one empty bucket. */
	public static S3TestServer start(String bucket) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		S3TestServer server = new S3TestServer(port);
		server.blobStore().createContainerInLocation(null, bucket);
		return server;
	}

	/** Starts (again) answering on the same port; objects stored before are still there. */
	public synchronized void start() throws Exception {
		if (proxy != null) {
			return;
		}
		S3Proxy started = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:" + port))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		started.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!"STARTED".equals(started.getState())) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("S3Proxy did not start: " + started.getState());
			}
			Thread.sleep(10);
		}
		proxy = started;
	}

	/** Stops answering: connections to the port are refused until {@link #start()}. */
	public synchronized void stop() throws Exception {
		if (proxy != null) {
			proxy.stop();
			proxy = null;
		}
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + port);
	}

	/** The objects behind the server, to look at what was stored without going through S3. */
	public BlobStore blobStore() {
		return context.getBlobStore();
	}

	@Override
	public void close() throws Exception {
		stop();
		context.close();
	}

}

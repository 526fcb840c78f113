package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in a bucket of an S3-compatible object store (Amazon S3, MinIO, Garage, SeaweedFS, Ceph...)
 * through the AWS SDK v2 over the JDK's HTTP connection. Every node of a cluster sees the same
 * objects. Checksums are sent only where the protocol requires them: several self-hosted stores do
 * not understand the SDK's newer default of streaming trailing checksums.
 */
final class S3MediaStorage implements MediaStorage, AutoCloseable {

	private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg", "png",
			"image/png", "webp", "image/webp", "mp3", "audio/mpeg");

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	private final String where;

	S3MediaStorage(StorageProperties.S3 settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalStateException("masthead.storage.type=s3 needs masthead.storage.s3.bucket");
		}
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials(settings))
			.forcePathStyle(settings.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(settings.connectTimeout())
				.socketTimeout(settings.requestTimeout())
				.build())
			.overrideConfiguration(o -> o.apiCallTimeout(settings.requestTimeout()));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		this.client = builder.build();
		this.bucket = settings.bucket();
		String p = settings.prefix() == null ? "" : settings.prefix().strip();
		this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
		this.where = "bucket " + bucket + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
	}

	private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
		if (settings.accessKey() == null || settings.accessKey().isBlank()) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
	}

	@Override
	public void put(String key, byte[] bytes) throws IOException {
		if (!MediaStorage.isValidKey(key)) {
			throw new IllegalArgumentException("Invalid media key: " + key);
		}
		try {
			client.putObject(r -> r.bucket(bucket).key(prefix + key).contentType(contentType(key)),
					RequestBody.fromBytes(bytes));
		}
		catch (SdkException ex) {
			throw unavailable("store " + key, ex);
		}
	}

	@Override
	public Optional<StoredMedia> get(String key) throws IOException {
		if (!MediaStorage.isValidKey(key)) {
			return Optional.empty();
		}
		try {
			ResponseInputStream<GetObjectResponse> in = client.getObject(r -> r.bucket(bucket).key(prefix + key));
			return Optional.of(new StoredMedia(in.response().contentLength(), in));
		}
		catch (SdkException ex) {
			if (isMissing(ex)) {
				return Optional.empty();
			}
			throw unavailable("read " + key, ex);
		}
	}

	@Override
	public Optional<StoredMedia> get(String key, long offset, long length) throws IOException {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("Negative range " + offset + "+" + length);
		}
		if (!MediaStorage.isValidKey(key)) {
			return Optional.empty();
		}
		if (length == 0) {
			return length(key).isPresent() ? Optional.of(new StoredMedia(0, InputStream.nullInputStream())) : Optional.empty();
		}
		String range = "bytes=" + offset + "-" + (offset + length - 1);
		try {
			ResponseInputStream<GetObjectResponse> in = client
				.getObject(r -> r.bucket(bucket).key(prefix + key).range(range));
			return Optional.of(new StoredMedia(in.response().contentLength(), in));
		}
		catch (SdkException ex) {
			if (isMissing(ex)) {
				return Optional.empty();
			}
			if (ex instanceof S3Exception s3 && s3.statusCode() == 416) { // the range starts past the end
				return Optional.of(new StoredMedia(0, InputStream.nullInputStream()));
			}
			throw unavailable("read " + key, ex);
		}
	}

	@Override
	public OptionalLong length(String key) throws IOException {
		if (!MediaStorage.isValidKey(key)) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(client.headObject(r -> r.bucket(bucket).key(prefix + key)).contentLength());
		}
		catch (SdkException ex) {
			if (isMissing(ex) && bucketExists()) { // a HEAD answer has no error code to tell the two apart
				return OptionalLong.empty();
			}
			throw unavailable("look up " + key, ex);
		}
	}

	private boolean bucketExists() throws IOException {
		try {
			client.headBucket(r -> r.bucket(bucket));
			return true;
		}
		catch (SdkException ex) {
			throw unavailable("find the bucket", ex);
		}
	}

	@Override
	public void close() {
		client.close();
	}

	private static boolean isMissing(SdkException ex) {
		if (ex instanceof NoSuchKeyException) {
			return true;
		}
		// HEAD answers carry no error code, only the status; a missing bucket is an outage, not a missing key
		return ex instanceof S3Exception s3 && s3.statusCode() == 404
				&& (s3.awsErrorDetails() == null || !"NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
	}

	private MediaStorageUnavailableException unavailable(String action, SdkException ex) {
		String reason = ex instanceof S3Exception s3
				? "HTTP " + s3.statusCode() + (s3.awsErrorDetails() == null || s3.awsErrorDetails().errorCode() == null
						? "" : " " + s3.awsErrorDetails().errorCode())
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return new MediaStorageUnavailableException("Media storage (" + where + ") could not " + action + ": " + reason, ex);
	}

	private static String contentType(String key) {
		String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return TYPES.getOrDefault(extension, "application/octet-stream");
	}

}

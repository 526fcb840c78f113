package org.masthead.platform;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where media and narration audio are stored, under {@code masthead.storage.*}.
 *
 * @param type {@code local} (the data directory's {@code media/} folder, the default) or {@code s3}
 * @param s3 the object store, used when the type is {@code s3}
 */
@ConfigurationProperties("masthead.storage")
public record StorageProperties(
		@DefaultValue("local") @NotNull Type type,
		@DefaultValue @Valid S3 s3) {

	/** The kinds of media storage. */
	public enum Type {
		/** Files under {@code ${masthead.data-dir}/media}: one machine. */
		LOCAL,
		/** An S3-compatible bucket shared by every node. */
		S3
	}

	/**
	 * @param endpoint the store's address ({@code http://127.0.0.1:9000} for MinIO, Garage, SeaweedFS...);
	 *        unset means Amazon S3 itself in the region
	 * @param bucket the bucket, created beforehand
	 * @param region the signing region ({@code us-east-1} suits most self-hosted stores)
	 * @param accessKey access key id; unset means the AWS SDK's default chain (environment, instance role)
	 * @param secretKey secret access key that goes with it
	 * @param pathStyle address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key};
	 *        self-hosted stores usually need this
	 * @param prefix put every key under this folder of the bucket ({@code masthead/}), empty for the root
	 * @param connectTimeout how long to wait for a connection to the store
	 * @param requestTimeout how long one request to the store may take, upload included
	 */
	public record S3(
			URI endpoint,
			String bucket,
			@DefaultValue("us-east-1") String region,
			String accessKey,
			String secretKey,
			@DefaultValue("true") boolean pathStyle,
			@DefaultValue("") String prefix,
			@DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("60s") Duration requestTimeout) {
	}

}

package org.masthead.audio.engine.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.PollyClientBuilder;
import software.amazon.awssdk.services.polly.model.Engine;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.PollyException;
import software.amazon.awssdk.services.polly.model.TextType;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Pcm;
import org.masthead.audio.engine.SynthesisException;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.lexicon.Lexicon;

/**
 * Amazon Polly through the AWS SDK v2: SSML with IPA phonemes from the lexicon, 16 kHz PCM out,
 * the neural engine unless {@code masthead.audio.polly.model=standard}. Requests stay under
 * Polly's 3,000 billed characters. {@code base-url} overrides the endpoint (tests, VPC endpoints).
 */
public class PollyEngine extends CloudEngine {

	private volatile PollyClient client;

	public PollyEngine(AudioProperties.Cloud settings, String lame) {
		super(settings, lame);
	}

	@Override
	public String name() {
		return "polly";
	}

	@Override
	String defaultBaseUrl() {
		return "https://polly." + region() + ".amazonaws.com";
	}

	@Override
	String extraSettings() {
		return ", masthead.audio.polly.secret and masthead.audio.polly.region";
	}

	@Override
	public int maxChunkChars() {
		return 2500;
	}

	private String region() {
		return settings.region().isBlank() ? "eu-west-1" : settings.region();
	}

	private PollyClient client() {
		PollyClient c = client;
		if (c == null) {
			synchronized (this) {
				if (client == null) {
					PollyClientBuilder builder = PollyClient.builder()
						.region(Region.of(region()))
						.credentialsProvider(StaticCredentialsProvider.create(
								AwsBasicCredentials.create(settings.apiKey(), settings.secret())))
						.httpClient(UrlConnectionHttpClient.builder()
							.connectionTimeout(Duration.ofSeconds(10))
							.socketTimeout(settings.timeout())
							.build());
					if (settings.baseUrl() != null) {
						builder.endpointOverride(URI.create(baseUrl()));
					}
					client = builder.build();
				}
				c = client;
			}
		}
		return c;
	}

	@Override
	public Pcm synthesize(String text, Voice voice, Lexicon lexicon, Duration timeout) throws SynthesisException {
		String engine = settings.model().isBlank() ? "neural" : settings.model();
		try (InputStream audio = client().synthesizeSpeech(r -> r.text(lexicon.ssml(text, "en-US"))
			.textType(TextType.SSML)
			.voiceId(voice.name())
			.engine(Engine.fromValue(engine))
			.outputFormat(OutputFormat.PCM)
			.sampleRate("16000")
			.overrideConfiguration(o -> o.apiCallTimeout(timeout)))) {
			return new Pcm(16000, audio.readAllBytes());
		}
		catch (PollyException ex) {
			int status = ex.statusCode();
			boolean retryable = status == 429 || status >= 500 || ex.isThrottlingException();
			String message = ex.awsErrorDetails() != null ? ex.awsErrorDetails().errorMessage() : ex.getMessage();
			throw new SynthesisException("polly answered HTTP " + status + ": " + message, retryable, ex);
		}
		catch (SdkClientException | IOException ex) {
			throw new SynthesisException("polly could not be reached: " + ex.getMessage(), true, ex);
		}
	}

}

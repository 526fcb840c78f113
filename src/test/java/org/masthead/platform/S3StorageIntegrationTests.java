package org.masthead.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.jclouds.blobstore.domain.Blob;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.masthead.content.ArticleDraft;
import org.masthead.content.Newsroom;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.token.ApiTokens;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.S3TestServer;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on S3-compatible storage (a real S3 server started by the test): a picture
 * uploaded through the Admin API lands in the bucket and comes back byte for byte on the reader page;
 * audio is served in ranges from the bucket; with the store down, uploads (Admin API and the
 * newsroom's form) say so clearly and reader pages keep serving.
 */
@MastheadIntegrationTest
class S3StorageIntegrationTests {

	static final String BUCKET = "newsroom-media";

	static final S3TestServer server;

	static {
		try {
			server = S3TestServer.start(BUCKET);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start the S3 test server", ex);
		}
	}

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("masthead.storage.type", () -> "s3");
		registry.add("masthead.storage.s3.endpoint", () -> server.endpoint().toString());
		registry.add("masthead.storage.s3.bucket", () -> BUCKET);
		registry.add("masthead.storage.s3.access-key", () -> S3TestServer.ACCESS_KEY);
		registry.add("masthead.storage.s3.secret-key", () -> S3TestServer.SECRET_KEY);
		registry.add("masthead.storage.s3.prefix", () -> "ledger");
		registry.add("masthead.storage.s3.connect-timeout", () -> "1s");
		registry.add("masthead.storage.s3.request-timeout", () -> "5s");
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.start(); // the context may be reused by a later test class
	}

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Newsroom newsroom;

	@Autowired
	MediaStorage storage;

	@Autowired
	StaffAccounts accounts;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anUploadedPictureIsStoredInTheBucketAndServedOnTheReaderPage() throws Exception {
		assertThat(storage).isInstanceOf(S3MediaStorage.class);
		byte[] picture = TestContent.picture(1200, 800, "png");
		HttpResponse<String> uploaded = upload(picture);
		assertThat(uploaded.statusCode()).isEqualTo(201);
		JsonNode image = json.readTree(uploaded.body());
		String url = image.get("url").asString();
		assertThat(url).startsWith("/media/images/").endsWith(".png");

		Blob original = server.blobStore().getBlob(BUCKET, "ledger/" + url.substring("/media/".length()));
		assertThat(original).as("the original in the bucket, under the prefix").isNotNull();
		assertThat(bytes(original)).isEqualTo(picture);
		assertThat(get(url, null).body()).isEqualTo(picture);

		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("s3-hero");
		ArticleDraft plain = basics.draft(slug, "Ferry terminal reopens", "<p>Boats are back.</p>");
		long id = newsroom.createDraft(new ArticleDraft(slug, plain.headline(), plain.dek(), plain.bodyHtml(),
				image.get("assetId").asLong(), "The terminal at dawn", null, null, plain.sectionId(), plain.authorIds(),
				plain.tagIds(), "en"));
		newsroom.publish(id, Instant.now());

		HttpResponse<byte[]> page = get("/" + slug + "/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		Element hero = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)).selectFirst("img[alt=The terminal at dawn]");
		assertThat(hero).isNotNull();
		String src = hero.attr("src");
		assertThat(src).startsWith("/media/images/");
		HttpResponse<byte[]> served = get(src, null);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
		assertThat(served.body()).isEqualTo(bytes(server.blobStore().getBlob(BUCKET, "ledger/" + src.substring("/media/".length()))));
	}

	@Test
	void audioIsServedInRangesFromTheBucket() throws Exception {
		byte[] audio = new byte[200_000];
		new Random(7).nextBytes(audio);
		String key = "audio/" + UUID.randomUUID().toString().replace("-", "") + ".mp3";
		storage.put(key, audio);

		HttpResponse<byte[]> whole = get("/media/" + key, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
		assertThat(whole.body()).isEqualTo(audio);

		HttpResponse<byte[]> part = get("/media/" + key, "bytes=150000-150099");
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 150000-150099/200000");
		assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 150_000, 150_100));

		HttpResponse<byte[]> tail = get("/media/" + key, "bytes=-16");
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 199_984, 200_000));

		HttpResponse<byte[]> open = get("/media/" + key, "bytes=199990-");
		assertThat(open.statusCode()).isEqualTo(206);
		assertThat(open.body()).hasSize(10);

		HttpResponse<byte[]> beyond = get("/media/" + key, "bytes=300000-");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */200000");

		HttpResponse<byte[]> two = get("/media/" + key, "bytes=0-1,10-11");
		assertThat(two.statusCode()).isEqualTo(206);
		assertThat(two.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/byteranges");

		assertThat(get("/media/audio/not-in-the-bucket.mp3", null).statusCode()).isEqualTo(404);
	}

	@Test
	void withTheStoreDownUploadsFailClearlyAndReaderPagesKeepServing() throws Exception {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("s3-outage");
		long id = newsroom.createDraft(basics.draft(slug, "Storm closes the harbour", "<p>No boats today.</p>"));
		newsroom.publish(id, Instant.now());
		String key = "audio/" + UUID.randomUUID().toString().replace("-", "") + ".mp3";
		storage.put(key, new byte[] { 1, 2, 3 });

		server.stop();
		try {
			HttpResponse<String> refused = upload(TestContent.picture(400, 300, "jpg"));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			JsonNode problem = json.readTree(refused.body());
			assertThat(problem.get("code").asString()).isEqualTo("media.storage-unavailable");
			assertThat(problem.get("detail").asString()).contains("not saved");

			StaffBrowser.Page form = uploadForm(TestContent.picture(400, 300, "png"));
			assertThat(form.status()).isEqualTo(422);
			assertThat(form.html().getElementById("file-error").text()).contains("media storage cannot be reached",
					"not saved");

			assertThat(get("/" + slug + "/", null).statusCode()).isEqualTo(200);
			assertThat(get("/", null).statusCode()).isEqualTo(200);
			HttpResponse<byte[]> media = get("/media/" + key, null);
			assertThat(media.statusCode()).isEqualTo(503);
			assertThat(media.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			server.start();
		}
		assertThat(get("/media/" + key, null).body()).containsExactly(1, 2, 3);
		assertThat(upload(TestContent.picture(400, 300, "jpg")).statusCode()).isEqualTo(201);
	}

	private HttpResponse<String> upload(byte[] picture) throws Exception {
		String token = tokens.create(TestContent.unique("s3-editor"), "EDITOR", null).secret();
		String boundary = "----masthead" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nHarbour\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"harbour.png\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(picture);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/media"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The newsroom's media library form, posted as a signed-in Author's browser does. */
	private StaffBrowser.Page uploadForm(byte[] picture) throws Exception {
		TestStaff.Credentials staff = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		assertThat(browser.signIn(staff.email(), StaffBrowser.PASSWORD).status()).isEqualTo(302);
		browser.get("/admin/media");
		String boundary = "----masthead" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "_csrf", browser.csrf() }, { "alt", "Quay" }, { "caption", "" }, { "credit", "" } }) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quay.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(picture);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/media?_csrf=" + browser.csrf()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "masthead_session=" + browser.cookie("masthead_session").orElseThrow())
			.header("X-Forwarded-For", browser.clientAddress())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return new StaffBrowser.Page(response.statusCode(), response.body(), response.headers());
	}

	private HttpResponse<byte[]> get(String path, String range) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (range != null) {
			request.header("Range", range);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] bytes(Blob blob) throws IOException {
		try (InputStream in = blob.getPayload().openStream()) {
			return in.readAllBytes();
		}
	}

}

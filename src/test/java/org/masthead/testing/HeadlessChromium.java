package org.masthead.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no Selenium Manager, no download:
 * the build sets {@code SE_OFFLINE=true}), with a fresh profile that is deleted when it quits.
 */
public record HeadlessChromium(ChromeDriver driver, Path profile) {

	public static final File CHROMIUM = new File("/usr/bin/chromium");

	public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	public static boolean isInstalled() {
		return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
	}

	/**
	 * A 1280 × 1000 window; with {@code javaScriptOff} no page script runs, as for a reader who turned
	 * it off. Without Chromium and its driver the calling test is skipped (fails in CI) and says what
	 * to install.
	 */
	public static HeadlessChromium start(boolean javaScriptOff) throws IOException {
		Components.assume(isInstalled(), "Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")",
				"apt-get install -y chromium chromium-driver");
		Path profile = Files.createTempDirectory("masthead-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + profile);
		if (javaScriptOff) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		// lets a test send request headers (Network.setExtraHTTPHeaders)
		driver.executeCdpCommand("Network.enable", Map.of());
		return new HeadlessChromium(driver, profile);
	}

	public void quit() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a temporary directory left behind is harmless
			}
		}
	}

}

package org.masthead.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 seconds), the kind every
 * authenticator app reads from a QR code. A code is accepted one step either side of now, to
 * allow for clock drift, and only once.
 */
@Service
public class TwoFactorCodes {

	static final int PERIOD_SECONDS = 30;

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

	private final StaffRepository staff;

	private final Clock clock;

	private final String issuer;

	TwoFactorCodes(StaffRepository staff, Clock clock, MastheadProperties properties) {
		this.staff = staff;
		this.clock = clock;
		this.issuer = properties.site().name();
	}

	/** What an authenticator app needs to enrol: the secret, its otpauth URI and a QR code of it. */
	public record Enrolment(String secret, String uri, String qrDataUri) {
	}

	/** Starts (or restarts) enrolment: keeps a new secret that only a correct code switches on. */
	@Transactional
	public Enrolment startEnrolment(StaffAccount account) {
		String secret = account.totpSecret() != null && !account.hasTwoFactor() ? account.totpSecret() : secrets.generate();
		staff.storePendingTotpSecret(account.id(), secret, clock.instant());
		return enrolment(account.email(), secret);
	}

	/** Switches two-factor sign-in on if {@code code} matches the pending secret. */
	@Transactional
	public boolean confirmEnrolment(long staffId, String code) {
		StaffAccount account = staff.findById(staffId).orElseThrow();
		if (account.hasTwoFactor() || account.totpSecret() == null) {
			return false;
		}
		Long step = matchingStep(account.totpSecret(), code);
		if (step == null) {
			return false;
		}
		staff.enableTotp(staffId, step, clock.instant());
		return true;
	}

	/** Whether {@code code} is a fresh, correct code of this staff member's enabled secret. */
	@Transactional
	public boolean verify(long staffId, String code) {
		StaffAccount account = staff.findById(staffId).orElse(null);
		if (account == null || !account.hasTwoFactor()) {
			return false;
		}
		Long step = matchingStep(account.totpSecret(), code);
		return step != null && staff.claimTotpStep(staffId, step);
	}

	@Transactional
	public void disable(long staffId) {
		staff.disableTotp(staffId, clock.instant());
	}

	private Long matchingStep(String secret, String code) {
		String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
		if (!typed.matches("\\d{6}")) {
			return null;
		}
		long now = clock.millis() / 1000 / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(generate(secret, step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII))) {
				return step;
			}
		}
		return null;
	}

	private String generate(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Enrolment enrolment(String email, String secret) {
		QrData data = new QrData.Builder().label(email).secret(secret).issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
		ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
		qr.setImageSize(240);
		try {
			return new Enrolment(secret, data.getUri(), Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType()));
		}
		catch (QrGenerationException ex) {
			return new Enrolment(secret, data.getUri(), null);
		}
	}

}

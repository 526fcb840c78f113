package org.masthead.newsletter.sending;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/** Reads the configured DKIM key and makes signers (one per worker: a signer is not shared across threads). */
final class DkimKeys {

	/** Headers every signature covers, besides the library's defaults (From, Subject, Date, To...). */
	static final String[] SIGNED_HEADERS = { "From", "Reply-To", "Subject", "Date", "Message-ID", "To", "MIME-Version",
			"Content-Type", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post" };

	private final SendingProperties.Dkim settings;

	private final RSAPrivateKey key;

	DkimKeys(SendingProperties.Dkim settings) {
		this.settings = settings;
		this.key = settings.isEnabled() ? load(settings) : null;
	}

	boolean isEnabled() {
		return key != null;
	}

	DkimSigner signer() {
		try {
			DkimSigner signer = new DkimSigner(settings.domain().strip(), settings.selector().strip(), key);
			signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
			signer.setHeaderCanonicalization(Canonicalization.RELAXED);
			signer.setBodyCanonicalization(Canonicalization.RELAXED);
			signer.setLengthParam(false);
			signer.setCheckDomainKey(false);
			for (String header : SIGNED_HEADERS) {
				signer.addHeaderToSign(header);
			}
			return signer;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a DKIM signer: " + ex.getMessage(), ex);
		}
	}

	static RSAPrivateKey load(SendingProperties.Dkim settings) {
		String text;
		try {
			if (settings.privateKey() != null && !settings.privateKey().isBlank()) {
				text = settings.privateKey();
			}
			else if (settings.privateKeyPath() != null && !settings.privateKeyPath().isBlank()) {
				byte[] bytes = Files.readAllBytes(Path.of(settings.privateKeyPath()));
				text = new String(bytes, StandardCharsets.ISO_8859_1);
				if (!text.contains("-----BEGIN")) {
					return rsa(bytes);
				}
			}
			else {
				throw new IllegalStateException("masthead.newsletter.sending.dkim.domain is set but neither "
						+ "dkim.private-key nor dkim.private-key-path is: give the signing key.");
			}
			if (text.contains("BEGIN RSA PRIVATE KEY")) {
				throw new IllegalStateException("The DKIM key is in PKCS#1 form; convert it to PKCS#8 with "
						+ "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem'.");
			}
			String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return rsa(Base64.getDecoder().decode(base64));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the DKIM key: " + ex.getMessage(), ex);
		}
	}

	private static RSAPrivateKey rsa(byte[] der) {
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
			throw new IllegalStateException("The DKIM key is not an RSA private key in PKCS#8 form: " + ex.getMessage(), ex);
		}
	}

}

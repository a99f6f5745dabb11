package vn.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * The units' signing keys, read from their PKCS12 keystores on first use and kept. The
 * organisation's trust list is the set of these certificates: a signature verifies as trusted only
 * when its certificate is one of them.
 */
@Component
class UnitKeys {

	private static final Logger log = LoggerFactory.getLogger(UnitKeys.class);

	/** A unit's key and certificate chain (the signer's certificate first). */
	record SigningKey(String unitCode, PrivateKey privateKey, List<X509Certificate> chain) {

		X509Certificate certificate() {
			return this.chain.get(0);
		}

	}

	private final SigningProperties properties;

	private final ResourceLoader resources;

	private final Organisation organisation;

	/** Per unit code, its key, or empty when it has none (looked up once). */
	private final Map<String, Optional<SigningKey>> keys = new ConcurrentHashMap<>();

	UnitKeys(SigningProperties properties, ResourceLoader resources, Organisation organisation) {
		this.properties = properties;
		this.resources = resources;
		this.organisation = organisation;
	}

	/** The unit's key; refused (409, naming the unit) when the unit has no usable keystore. */
	SigningKey key(String unitCode) {
		Unit unit = this.organisation.unit(unitCode);
		return find(unit.code()).orElseThrow(() -> new NoSigningKey(unit.name(), null));
	}

	Optional<SigningKey> find(String unitCode) {
		return this.keys.computeIfAbsent(unitCode, this::load);
	}

	/** The unit whose configured certificate this is, if any: the trust list of the organisation. */
	Optional<Unit> unitOf(X509Certificate certificate) {
		for (Unit unit : this.organisation.units()) {
			Optional<SigningKey> key = find(unit.code());
			if (key.isPresent() && key.get().certificate().equals(certificate)) {
				return Optional.of(unit);
			}
		}
		return Optional.empty();
	}

	private Optional<SigningKey> load(String unitCode) {
		SigningProperties.UnitKeystore own = this.properties.units().get(unitCode);
		String location;
		String password;
		String alias = null;
		if (own != null && own.keystore() != null && !own.keystore().isBlank()) {
			location = own.keystore();
			password = own.password();
			alias = own.alias();
		}
		else if (this.properties.directory() != null && !this.properties.directory().isBlank()) {
			String dir = this.properties.directory();
			location = (dir.endsWith("/") ? dir : dir + "/") + unitCode + ".p12";
			password = this.properties.password();
		}
		else {
			return Optional.empty();
		}
		Resource resource = this.resources.getResource(location);
		if (!resource.exists()) {
			if (own != null) {
				log.warn("Keystore {} of unit {} does not exist", location, unitCode);
			}
			return Optional.empty();
		}
		char[] secret = password == null ? new char[0] : password.toCharArray();
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, secret);
			String name = alias != null ? alias : firstKey(store);
			if (name == null || !store.isKeyEntry(name)) {
				log.warn("Keystore {} of unit {} holds no key{}", location, unitCode,
						alias == null ? "" : " under alias " + alias);
				return Optional.empty();
			}
			PrivateKey key = (PrivateKey) store.getKey(name, secret);
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate c : store.getCertificateChain(name)) {
				chain.add((X509Certificate) c);
			}
			return Optional.of(new SigningKey(unitCode, key, List.copyOf(chain)));
		}
		catch (IOException | GeneralSecurityException | ClassCastException ex) {
			log.warn("Cannot read keystore {} of unit {}: {}", location, unitCode, ex.getMessage());
			return Optional.empty();
		}
	}

	private static String firstKey(KeyStore store) throws GeneralSecurityException {
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				return alias;
			}
		}
		return null;
	}

}

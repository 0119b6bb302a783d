package dev.users.app.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A local certificate authority and the certificates it issues, as PEM files, for tests of HTTPS and of client
 * certificates (the same files README's openssl commands make): EC P-256 keys, PKCS#8 private keys. Client
 * certificates avoid what makes IMCO's {@code cio} switch to its agent mode (subject OU "Hosts", issuer O "Tapp").
 */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public String certificatePem() {
            return pem(certificate);
        }

        public String privateKeyPem() {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }

        /** Writes {@code <name>.crt} and {@code <name>.key} into {@code dir}; returns the certificate's path. */
        public Path write(Path dir, String name) {
            try {
                Files.writeString(dir.resolve(name + ".key"), privateKeyPem());
                return Files.writeString(dir.resolve(name + ".crt"), certificatePem());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A self-signed certificate authority valid for a year. */
    public static Issued authority(String commonName) {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        return build(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName), keys, now,
                now.plus(Duration.ofDays(365)), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
    }

    /** A server certificate for localhost (and 127.0.0.1), issued by {@code authority}. */
    public static Issued server(Issued authority) {
        KeyPair keys = keyPair();
        Instant now = Instant.now();
        return build(new X500Name("CN=localhost"), keys, issuerName(authority), authority.keys(),
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)), builder -> {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                });
    }

    /** A client certificate issued by {@code authority}, valid for a year. */
    public static Issued client(Issued authority, String commonName) {
        Instant now = Instant.now();
        return client(authority, commonName, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
    }

    /** A client certificate issued by {@code authority}, valid from {@code notBefore} to {@code notAfter}. */
    public static Issued client(Issued authority, String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = keyPair();
        return build(new X500Name("O=Users service tests, CN=" + commonName), keys, issuerName(authority),
                authority.keys(), notBefore, notAfter, builder -> builder.addExtension(Extension.extendedKeyUsage,
                        false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    }

    private static X500Name issuerName(Issued authority) {
        return X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded());
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static Issued build(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            extensions.add(builder);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
            return new Issued(certificate, subjectKeys);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has EC P-256", e);
        }
    }

    private static String pem(X509Certificate object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

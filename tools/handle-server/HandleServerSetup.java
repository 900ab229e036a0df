import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;

import net.cnri.util.StreamTable;
import net.handle.hdllib.AdminRecord;
import net.handle.hdllib.Common;
import net.handle.hdllib.Encoder;
import net.handle.hdllib.HandleStorage;
import net.handle.hdllib.HandleValue;
import net.handle.hdllib.SiteInfo;
import net.handle.hdllib.Util;
import net.handle.server.HandleStorageFactory;
import net.handle.util.X509HSCertificateGenerator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Prepares a Handle server folder without the interactive setup: server keys, a site record for
 * loopback, a TLS certificate valid for 127.0.0.1, and an admin handle holding a secret key.
 * The server must then run with {@code -Dnet.handle.configDir=<serverDir>}.
 *
 * <p>Usage: {@code java -cp 'lib/*' HandleServerSetup.java <serverDir> <prefix> <adminHandle>}
 * with the admin's secret in the environment variable HANDLE_ADMIN_SECRET (kept off the command
 * line so it does not show in process listings). The folder must already hold config.dct.
 */
public class HandleServerSetup {
  private static final int ADMIN_INDEX = 100;
  private static final int SECRET_KEY_INDEX = 300;
  private static final long TEN_YEARS_MS = 10L * 365 * 24 * 3600 * 1000;

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || System.getenv("HANDLE_ADMIN_SECRET") == null) {
      System.err.println("usage: HandleServerSetup <serverDir> <prefix> <adminHandle>"
          + " (secret in HANDLE_ADMIN_SECRET)");
      System.exit(2);
    }
    File serverDir = new File(args[0]);
    StreamTable config = new StreamTable();
    config.readFromFile(new File(serverDir, "config.dct"));

    KeyPair keys = writeServerKeys(serverDir);
    writeSiteInfo(serverDir, config);
    writeLoopbackCertificate(serverDir, keys);
    storeAdminHandle(serverDir, config, args[2], System.getenv("HANDLE_ADMIN_SECRET"));
    System.out.println("handle server folder ready: " + serverDir.getAbsolutePath());
  }

  private static KeyPair writeServerKeys(File serverDir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();

    // The server reads an unencrypted key without asking for a passphrase, which a test needs.
    byte[] privateKey = Util.encrypt(Util.getBytesFromPrivateKey(keys.getPrivate()), null,
        Common.ENCRYPT_NONE);
    Files.write(new File(serverDir, "privkey.bin").toPath(), privateKey);
    Files.write(new File(serverDir, "pubkey.bin").toPath(),
        Util.getBytesFromPublicKey(keys.getPublic()));
    return keys;
  }

  private static void writeSiteInfo(File serverDir, StreamTable config) throws Exception {
    int tcpPort = ((StreamTable) config.get("hdl_tcp_config")).getInt("bind_port", 0);
    int httpPort = ((StreamTable) config.get("hdl_http_config")).getInt("bind_port", 0);
    SiteInfo site = new SiteInfo(1, true, false, SiteInfo.HASH_TYPE_BY_ALL, "loopback test server",
        InetAddress.getByName("127.0.0.1"), tcpPort, httpPort,
        new File(serverDir, "pubkey.bin"), true);
    byte[] siteRecord = Encoder.encodeSiteInfoRecord(site);
    Files.write(new File(serverDir, "siteinfo.bin").toPath(), siteRecord);
    // The server's own resolver reads this folder too (net.handle.configDir): naming this site as
    // its resolver sends every lookup the server cannot answer locally back to itself over
    // loopback, instead of to the global Handle servers on the internet.
    Files.write(new File(serverDir, "resolver_site").toPath(), siteRecord);
  }

  /**
   * The server would make its own certificate, but without a subject alternative name for
   * 127.0.0.1; a client that verifies the host name (as it must) would refuse it.
   */
  private static void writeLoopbackCertificate(File serverDir, KeyPair keys) throws Exception {
    X500Name subject = new X500Name("CN=localhost, O=Handle test server");
    long now = System.currentTimeMillis();
    GeneralNames altNames = new GeneralNames(new GeneralName[] {
      new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
      new GeneralName(GeneralName.dNSName, "localhost"),
    });
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
        BigInteger.valueOf(now), new Date(now - 3600_000L), new Date(now + TEN_YEARS_MS),
        subject, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, altNames);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));

    File pem = new File(serverDir, "serverCertificate.pem");
    try (Writer writer = new OutputStreamWriter(new FileOutputStream(pem),
        StandardCharsets.UTF_8)) {
      X509HSCertificateGenerator.writeCertAsPem(writer, certificate);
    }
  }

  private static void storeAdminHandle(File serverDir, StreamTable config, String adminHandle,
      String secret) throws Exception {
    StreamTable serverConfig = (StreamTable) config.get("server_config");
    HandleStorage storage = HandleStorageFactory.getStorage(serverDir, serverConfig, true);
    try {
      storage.createHandle(Util.encodeString(adminHandle), new HandleValue[] {
        adminValue(adminHandle), secretKeyValue(secret),
      });
    } finally {
      storage.shutdown();
    }
  }

  private static HandleValue adminValue(String adminHandle) {
    AdminRecord admin = new AdminRecord(Util.encodeString(adminHandle), SECRET_KEY_INDEX,
        true, true, true, true, true, true, true, true, true, true, true, true);
    return stamp(new HandleValue(ADMIN_INDEX, Common.ADMIN_TYPE,
        Encoder.encodeAdminRecord(admin)));
  }

  private static HandleValue secretKeyValue(String secret) {
    HandleValue value = new HandleValue(SECRET_KEY_INDEX, Common.SECRET_KEY_TYPE,
        Util.encodeString(secret));
    // A secret key must not be readable by anyone who resolves the handle.
    value.setAnyoneCanRead(false);
    return stamp(value);
  }

  private static HandleValue stamp(HandleValue value) {
    value.setTimestamp((int) (System.currentTimeMillis() / 1000));
    return value;
  }
}

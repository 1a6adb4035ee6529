package io.driftwatch.launcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.alert.AlertSinkConfig;
import io.driftwatch.diff.DiffOptions;
import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.query.QuerySettings;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.git.GitIngestConfig;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.repo.CommitSignatureVerifier;
import io.driftwatch.ingest.git.repo.RepositoryUrls;
import io.driftwatch.ingest.git.repo.SignatureKeys;
import io.driftwatch.ingest.git.webhook.ReceiverConfig;
import io.driftwatch.ingest.git.webhook.ReceiverType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the YAML file, applies {@link EnvOverride}s, and validates everything in one pass, so that
 * a user sees every problem at once, each with the key that is wrong and what to write instead.
 */
public final class ConfigLoader {

  /** Defaults live with each component's config record; only the launcher's own are here. */
  static final String DEFAULT_DATA_DIR = ".driftwatch";

  static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

  /**
   * Ids and cluster names become directory names, transactional ids and key segments: keep them
   * simple.
   */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");

  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final Map<String, String> env;

  /**
   * @param env the environment to take {@link EnvOverride}s from (the launcher passes {@code
   *     System.getenv()})
   */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Loads and validates {@code file}. */
  public DriftwatchConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(absolute)) {
      throw new ConfigException(
          file.toString(),
          List.of(
              "--config: no such file; pass the path of a driftwatch YAML file"
                  + " (examples/driftwatch.yaml is an annotated one)"));
    }
    ConfigFile parsed;
    try {
      JsonNode tree = yaml.readTree(absolute.toFile());
      ObjectNode root = tree instanceof ObjectNode object ? object : yaml.createObjectNode();
      if (tree != null && !tree.isMissingNode() && !tree.isNull() && !tree.isObject()) {
        throw new ConfigException(
            file.toString(),
            List.of("(top level): must be a mapping of keys such as kafka, sources, clusters"));
      }
      EnvOverride.applyAll(root, env);
      parsed = yaml.treeToValue(root, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file.toString(),
          List.of(
              path(e)
                  + ": unknown key '"
                  + e.getPropertyName()
                  + "'; known keys here: "
                  + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), List.of(path(e) + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return new Validation(absolute, parsed == null ? empty() : parsed, env).result();
  }

  private static ConfigFile empty() {
    return new ConfigFile(null, null, null, null, null, null, null, null, null, null);
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      String key =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null
                          ? "." + ref.getFieldName()
                          : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining());
      if (!key.isEmpty()) {
        return key.startsWith(".") ? key.substring(1) : key;
      }
    }
    return e.getLocation() == null
        ? "(file)"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** One validation pass over one file; collects every problem before failing. */
  private static final class Validation {
    private final Path file;
    private final Path baseDir;
    private final ConfigFile in;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, DiscoveryConfig> fleets = new LinkedHashMap<>();

    Validation(Path file, ConfigFile in, Map<String, String> env) {
      this.file = file;
      this.baseDir = file.getParent();
      this.in = in;
      this.env = env;
    }

    DriftwatchConfig result() {
      Path dataDir = resolve(Optional.ofNullable(in.dataDir()).orElse(DEFAULT_DATA_DIR));
      KafkaConfig kafka = kafka(dataDir);
      Optional<Path> keyFile =
          Optional.ofNullable(in.security())
              .map(ConfigFile.Security::secretHmacKeyFile)
              .filter(s -> !s.isBlank())
              .map(this::resolve);
      keyFile.ifPresent(
          k -> {
            if (!Files.isReadable(k)) {
              problems.add(
                  "security.secretHmacKeyFile: "
                      + k
                      + " is not a readable file; create one with"
                      + " `head -c 32 /dev/urandom > "
                      + k
                      + "` or remove the key to let driftwatch generate one under dataDir");
            }
          });
      AlertSinkConfig http = http();
      ClusterIngestConfig clusterIngest =
          new ClustersValidation(
                  in.clusters(), in.ingestCluster(), this::resolveFile, this::validName, problems)
              .result();
      List<ClusterConfig> clusters = clusterIngest.clusters();
      List<GitSourceConfig> sources = sources(clusters);
      GitIngestConfig git =
          new GitIngestConfig(
              sources,
              dataDir.resolve("git"),
              new GitCredentialsValidation(in.gitCredentials(), env, this::resolveFile, problems)
                  .result(),
              null,
              signatures(),
              fleets);
      DriftStreamConfig drift = driftStream(dataDir);
      List<ReceiverConfig> receivers = receivers(git.sources());
      if (!problems.isEmpty()) {
        throw new ConfigException(file.toString(), problems);
      }
      return new DriftwatchConfig(
          file, dataDir, kafka, keyFile, http, git, clusterIngest, drift, receivers);
    }

    private List<ReceiverConfig> receivers(List<GitSourceConfig> sources) {
      List<ReceiverConfig> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Set<String> ids = sources.stream().map(GitSourceConfig::id).collect(Collectors.toSet());
      List<ConfigFile.Receiver> declared = in.receivers() == null ? List.of() : in.receivers();
      for (int i = 0; i < declared.size(); i++) {
        String at = "receivers[" + i + "]";
        ConfigFile.Receiver r = declared.get(i);
        if (r == null) {
          problems.add(at + ": empty entry; remove it or give it a name, type and secretFile");
          continue;
        }
        if (validName(at + ".name", r.name(), "the last segment of its URL, e.g. github-fleet")
            && !names.add(r.name())) {
          problems.add(at + ".name: '" + r.name() + "' is declared twice");
        }
        Optional<ReceiverType> type =
            Optional.ofNullable(r.type()).flatMap(ReceiverType::fromConfigName);
        if (type.isEmpty()) {
          problems.add(
              at
                  + ".type: write one of "
                  + Arrays.stream(ReceiverType.values()).map(ReceiverType::configName).toList()
                  + (r.type() == null ? "" : " (not '" + r.type() + "')"));
        }
        Path secret = null;
        if (blank(r.secretFile())) {
          problems.add(
              at
                  + ".secretFile: required; a file holding the webhook secret the Git host signs"
                  + " with, e.g. `head -c 24 /dev/urandom | base64 > webhook-secret`");
        } else {
          secret = resolve(expandHome(r.secretFile()));
          if (!Files.isReadable(secret)) {
            problems.add(at + ".secretFile: " + secret + " is not a readable file");
          }
        }
        List<String> targets = r.sources() == null ? List.of() : r.sources();
        for (String target : targets) {
          if (!ids.contains(target)) {
            problems.add(
                at + ".sources: '" + target + "' is not the id of a source; sources: " + ids);
          }
        }
        if (type.isPresent() && secret != null) {
          out.add(new ReceiverConfig(r.name(), type.get(), secret, targets));
        }
      }
      return out;
    }

    private KafkaConfig kafka(Path dataDir) {
      ConfigFile.Kafka k =
          Optional.ofNullable(in.kafka())
              .orElse(new ConfigFile.Kafka(null, null, null, null, null));
      Optional<String> servers =
          Optional.ofNullable(k.bootstrapServers()).map(String::trim).filter(s -> !s.isEmpty());
      if (k.partitions() != null && k.partitions() < 1) {
        problems.add("kafka.partitions: must be at least 1 (it is " + k.partitions() + ")");
      }
      if (k.replicationFactor() != null && k.replicationFactor() < 1) {
        problems.add(
            "kafka.replicationFactor: must be at least 1 (it is " + k.replicationFactor() + ")");
      }
      Map<String, String> props = k.properties() == null ? Map.of() : k.properties();
      if (props.containsKey("bootstrap.servers")) {
        problems.add(
            "kafka.properties.bootstrap.servers: set kafka.bootstrapServers instead, so that one key says where Kafka is");
      }
      ConfigFile.Embedded e =
          Optional.ofNullable(k.embedded()).orElse(new ConfigFile.Embedded(null, null));
      int port = Optional.ofNullable(e.port()).orElse(KafkaConfig.DEFAULT_EMBEDDED_PORT);
      checkPort("kafka.embedded.port", port, false);
      Path brokerDir =
          Optional.ofNullable(e.dataDir()).map(this::resolve).orElse(dataDir.resolve("kafka"));
      return new KafkaConfig(
          servers,
          Optional.ofNullable(k.partitions()),
          Optional.ofNullable(k.replicationFactor()),
          props,
          brokerDir,
          port);
    }

    private AlertSinkConfig http() {
      ConfigFile.Http h = Optional.ofNullable(in.http()).orElse(new ConfigFile.Http(null, null));
      AlertSinkConfig defaults = AlertSinkConfig.defaults();
      int port = Optional.ofNullable(h.port()).orElse(defaults.port());
      checkPort("http.port", port, true);
      if (port < 0 || port > 65535) {
        return defaults;
      }
      String bind =
          Optional.ofNullable(h.bindAddress())
              .filter(s -> !s.isBlank())
              .orElse(defaults.bindAddress());
      return new AlertSinkConfig(bind, port);
    }

    private List<GitSourceConfig> sources(List<ClusterConfig> clusters) {
      List<GitSourceConfig> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      Set<String> clusterNames =
          clusters.stream().map(ClusterConfig::name).collect(Collectors.toSet());
      List<ConfigFile.Source> declared = in.sources() == null ? List.of() : in.sources();
      for (int i = 0; i < declared.size(); i++) {
        String at = "sources[" + i + "]";
        ConfigFile.Source s = declared.get(i);
        if (s == null) {
          problems.add(at + ": empty entry; remove it or give it id, repository and cluster");
          continue;
        }
        if (validName(at + ".id", s.id(), "a short name for this source, e.g. shop-production")
            && !ids.add(s.id())) {
          problems.add(at + ".id: '" + s.id() + "' is declared twice; source ids must be unique");
        }
        String repository = s.repository();
        if (blank(repository)) {
          problems.add(
              at
                  + ".repository: required; a local path, or a file://, https:// or ssh:// URL"
                  + " of a Git repository");
        } else {
          repository = repository(at, repository.trim());
        }
        if (blank(s.cluster())) {
          problems.add(
              at + ".cluster: required; the name of the cluster this source is applied to");
        } else if (!clusterNames.isEmpty() && !clusterNames.contains(s.cluster())) {
          problems.add(
              at
                  + ".cluster: '"
                  + s.cluster()
                  + "' is not declared under clusters; declared: "
                  + clusterNames.stream().sorted().toList());
        }
        Duration poll = null;
        if (!blank(s.pollInterval())) {
          poll = Durations.parse(s.pollInterval());
          if (poll == null || poll.compareTo(MIN_POLL_INTERVAL) < 0) {
            problems.add(
                at
                    + ".pollInterval: '"
                    + s.pollInterval()
                    + "' is not a duration of at least 1s;"
                    + " write e.g. 30s, 5m or 1h");
            poll = null;
          }
        }
        if (s.discover() != null) {
          DiscoveryConfig discovery =
              new DiscoveryConfigReader(problems, this::resolve)
                  .read(at + ".discover", s.discover(), clusterNames);
          if (s.id() != null) {
            fleets.put(s.id(), discovery);
          }
        }
        out.add(
            new GitSourceConfig(
                s.id(),
                repository,
                blank(s.ref()) ? null : s.ref().trim(),
                blank(s.path()) ? "" : s.path().trim(),
                s.cluster(),
                blank(s.defaultNamespace()) ? null : s.defaultNamespace().trim(),
                poll,
                blank(s.targetNamespace()) ? null : s.targetNamespace().trim()));
      }
      return out;
    }

    /** Each key file is read once here, so that a bad one is a configuration error. */
    private SignatureKeys signatures() {
      ConfigFile.Signatures declared =
          Optional.ofNullable(in.security()).map(ConfigFile.Security::signatures).orElse(null);
      if (declared == null) {
        return SignatureKeys.NONE;
      }
      Optional<Path> openpgp =
          signatureKey("security.signatures.openpgpKeys", declared.openpgpKeys(), true);
      Optional<Path> ssh =
          signatureKey(
              "security.signatures.sshAllowedSigners", declared.sshAllowedSigners(), false);
      return new SignatureKeys(openpgp, ssh);
    }

    private Optional<Path> signatureKey(String key, String value, boolean openpgp) {
      if (blank(value)) {
        return Optional.empty();
      }
      Path path = resolve(expandHome(value.trim()));
      SignatureKeys alone =
          openpgp
              ? new SignatureKeys(Optional.of(path), Optional.empty())
              : new SignatureKeys(Optional.empty(), Optional.of(path));
      try {
        CommitSignatureVerifier.load(alone);
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
      }
      return Optional.of(path);
    }

    private String repository(String at, String repository) {
      boolean url = repository.contains("://") || RepositoryUrls.isSsh(repository);
      if (url) {
        return repository;
      }
      Path local = resolve(expandHome(repository));
      if (!Files.isDirectory(local)) {
        problems.add(
            at
                + ".repository: "
                + local
                + " is not a directory; give the path of a Git repository"
                + " (relative paths are read from the config file's directory)");
      }
      return local.toString();
    }

    private DriftStreamConfig driftStream(Path dataDir) {
      ConfigFile.DriftStream d =
          Optional.ofNullable(in.driftStream())
              .orElse(new ConfigFile.DriftStream(null, null, null, null, null, null, null, null));
      DriftStreamConfig defaults = DriftStreamConfig.defaults(dataDir);
      String applicationId =
          blank(d.applicationId()) ? defaults.applicationId() : d.applicationId();
      Duration commit = defaults.commitInterval();
      if (!blank(d.commitInterval())) {
        Duration parsed = Durations.parse(d.commitInterval());
        if (parsed == null || parsed.isZero() || parsed.isNegative()) {
          problems.add(
              "driftStream.commitInterval: '"
                  + d.commitInterval()
                  + "' is not a positive duration; write e.g. 100ms or 1s");
        } else {
          commit = parsed;
        }
      }
      GateConfigReader gates = new GateConfigReader(problems);
      return new DriftStreamConfig(
          applicationId,
          defaults.stateDir(),
          commit,
          comparison(d.comparison(), defaults.comparison()),
          gates.gate(d.gate()),
          gates.reconcileFailures(d.reconcileFailures()),
          new RemediationConfigReader(problems).read(d.remediation()),
          queries(d.queries()),
          environments(d.deployment()));
    }

    private QuerySettings queries(ConfigFile.Queries q) {
      if (q == null) {
        return QuerySettings.DEFAULTS;
      }
      String host =
          blank(q.advertisedHost()) ? QuerySettings.DEFAULT_ADVERTISED_HOST : q.advertisedHost();
      int kept =
          q.transitionsKept() == null
              ? QuerySettings.DEFAULTS.transitionsKept()
              : q.transitionsKept();
      if (kept < 1) {
        problems.add(
            "driftStream.queries.transitionsKept: "
                + kept
                + " is too few; keep at least 1 (default "
                + QuerySettings.DEFAULTS.transitionsKept()
                + ")");
        kept = QuerySettings.DEFAULTS.transitionsKept();
      }
      return new QuerySettings(host.strip(), kept);
    }

    private Map<String, String> environments(ConfigFile.Deployment d) {
      if (d == null || d.environments() == null) {
        return Map.of();
      }
      d.environments()
          .forEach(
              (cluster, environment) -> {
                if (environment == null || environment.isBlank() || environment.contains("/")) {
                  problems.add(
                      "driftStream.deployment.environments."
                          + cluster
                          + ": the environment must be a name without '/', e.g. production");
                }
              });
      return d.environments();
    }

    private DiffOptions comparison(ConfigFile.Comparison c, DiffOptions defaults) {
      if (c == null) {
        return defaults;
      }
      DiffOptions options = defaults;
      if (c.gitopsManagers() != null) {
        if (c.gitopsManagers().stream().anyMatch(Validation::blank)) {
          problems.add("driftStream.comparison.gitopsManagers: names must not be empty");
        } else {
          options =
              new DiffOptions(
                  Set.copyOf(c.gitopsManagers()),
                  options.ignoreRules(),
                  options.redactor(),
                  options.optOutAnnotation());
        }
      }
      ObjectNode rules = JsonNodeFactory.instance.objectNode();
      if (c.ignoreDifferences() != null) {
        rules.set("ignoreDifferences", c.ignoreDifferences());
      }
      if (c.ignore() != null) {
        rules.set("ignore", c.ignore());
      }
      try {
        return options.withIgnoreRules(
            IgnoreRules.parse(rules, file.getFileName() + ": driftStream.comparison"));
      } catch (IllegalArgumentException e) {
        problems.add("driftStream.comparison: " + e.getMessage());
        return options;
      }
    }

    private boolean validName(String key, String value, String hint) {
      if (blank(value)) {
        problems.add(key + ": required; " + hint);
        return false;
      }
      if (!NAME.matcher(value).matches()) {
        problems.add(
            key
                + ": '"
                + value
                + "' must be lower-case letters, digits, '.', '_' or '-' (at most 63), like "
                + "a Kubernetes name; "
                + hint);
        return false;
      }
      return true;
    }

    private void checkPort(String key, int port, boolean zeroAllowed) {
      if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
        problems.add(
            key
                + ": "
                + port
                + " is not a port; use 1-65535"
                + (zeroAllowed ? " (or 0 for any free port)" : ""));
      }
    }

    private Path resolve(String path) {
      return baseDir.resolve(path).toAbsolutePath().normalize();
    }

    /** A path as written in the file: {@code ~/} is the home directory, relative is to the file. */
    private Path resolveFile(String path) {
      return resolve(expandHome(path.strip()));
    }

    private static String expandHome(String path) {
      return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }
}

package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every document of one YAML or JSON file under {@link YamlLimits}, the bounds ingest-git
 * applies to files in Git: a file larger than the limit is refused from its size before any of it
 * is parsed, and YAML goes through ingest-git's {@link BoundedYamlReader} (aliases, nesting and
 * value counts bounded). A file whose first character is <code>{</code> or <code>[</code> is JSON,
 * as kubectl decides, and is read as a stream of JSON values by Jackson under the same size, depth
 * and value-count bounds, because SnakeYAML refuses tab-indented JSON and concatenated JSON values
 * ({@code jq} output), both common.
 */
public final class DocumentFileReader {

  private final YamlLimits limits;
  private final BoundedYamlReader yaml;
  private final ObjectReader json;

  public DocumentFileReader(YamlLimits limits) {
    this.limits = limits;
    this.yaml = new BoundedYamlReader(limits);
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.nestingDepthLimit())
                    .maxDocumentLength(limits.maxFileBytes())
                    // Every value is at least one token; objects and arrays are two.
                    .maxTokenCount(2L * limits.maxValues())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.json = JsonMapper.builder(factory).build().readerFor(JsonNode.class);
  }

  /**
   * Every document in order; an empty YAML document is a null entry, so document numbers match what
   * the author counts.
   *
   * @throws DiffInputException naming the file (and line, where known) when it cannot be read,
   *     breaks a limit or is not valid YAML or JSON
   */
  public List<JsonNode> read(Path file) throws DiffInputException {
    byte[] bytes = readBounded(file);
    if (!looksLikeJson(bytes)) {
      return readYaml(file, bytes);
    }
    try {
      return readJson(bytes);
    } catch (StreamConstraintsException e) {
      // Its message states the limit, never the content.
      throw new DiffInputException(file + ": " + e.getOriginalMessage() + at(e.getLocation()));
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the offending text, which may be a Secret value.
      throw new DiffInputException(file + ": invalid JSON" + at(e.getLocation()));
    } catch (IOException e) {
      throw new DiffInputException(
          file + ": cannot be parsed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private List<JsonNode> readYaml(Path file, byte[] bytes) throws DiffInputException {
    try {
      return yaml.read(bytes);
    } catch (YamlReadException e) {
      throw new DiffInputException(file + ": invalid YAML: " + e.getMessage());
    }
  }

  private List<JsonNode> readJson(byte[] bytes) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> values = json.readValues(bytes)) {
      while (values.hasNextValue()) {
        documents.add(values.nextValue());
      }
    }
    return documents;
  }

  private byte[] readBounded(Path file) throws DiffInputException {
    if (Files.isDirectory(file)) {
      throw new DiffInputException(file + ": is a directory; give one YAML or JSON file");
    }
    try {
      // Refuse from the size alone when the file system knows it, so a huge file costs nothing.
      if (Files.isRegularFile(file) && Files.size(file) > limits.maxFileBytes()) {
        throw tooLarge(file, Files.size(file) + " bytes");
      }
      // A pipe or a growing file has no trustworthy size: read one byte past the limit at most.
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) Math.min(limits.maxFileBytes() + 1, Integer.MAX_VALUE));
        if (bytes.length > limits.maxFileBytes()) {
          throw tooLarge(file, "more than " + limits.maxFileBytes() + " bytes");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw new DiffInputException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new DiffInputException(file + ": cannot be read (permission denied)");
    } catch (IOException e) {
      throw new DiffInputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private DiffInputException tooLarge(Path file, String size) {
    return new DiffInputException(
        file
            + ": is "
            + size
            + "; driftwatch diff reads files of at most "
            + limits.maxFileBytes()
            + " bytes (the bound ingest-git applies to files in Git). Split it into several"
            + " files or leave out what you do not need to compare.");
  }

  private static boolean looksLikeJson(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < bytes.length
        && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}

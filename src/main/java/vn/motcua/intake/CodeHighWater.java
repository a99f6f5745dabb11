package vn.motcua.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The highest dossier number this node has issued per agency and day, kept in a small file on
 * the node's own disk ({@code motcua.codes.high-water-dir}, one file per database URL), outside
 * the database. After a restore from a backup the database's counters are behind this file, which
 * {@link DailySequenceCodeGenerator} detects at startup. Only the last few days are kept. Not kept
 * for an in-memory database.
 */
@Component
class CodeHighWater {

	private static final int DAYS_KEPT = 3;

	private final Path file;

	private final Map<String, Integer> marks = new HashMap<>();

	@org.springframework.beans.factory.annotation.Autowired
	CodeHighWater(DataSourceProperties datasource, @Value("${motcua.codes.high-water-dir:./data}") String dir) {
		this(file(datasource.determineUrl(), dir));
	}

	/** Marks kept in {@code file}; none when it is null. */
	CodeHighWater(Path file) {
		this.file = file;
	}

	private static Path file(String url, String dir) {
		boolean inMemory = url == null || url.startsWith("jdbc:h2:mem:") || dir.isBlank();
		return inMemory ? null : Path.of(dir).resolve("dossier-codes-" + Integer.toHexString(url.hashCode()) + ".highwater");
	}

	static String key(String agency, String day) {
		return agency + "|" + day;
	}

	static String[] split(String key) {
		int bar = key.lastIndexOf('|');
		return new String[] { key.substring(0, bar), key.substring(bar + 1) };
	}

	/** The marks in the file (empty without one). */
	synchronized Map<String, Integer> load() {
		this.marks.clear();
		if (this.file != null && Files.isRegularFile(this.file)) {
			try {
				for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
					int eq = line.lastIndexOf('=');
					if (eq > 0) {
						this.marks.merge(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1).strip()),
								Math::max);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				throw new IllegalStateException("Không đọc được tệp số hồ sơ đã cấp " + this.file, ex);
			}
		}
		return new TreeMap<>(this.marks);
	}

	/** Records an issued number before the code is used. */
	synchronized void issued(String agency, String day, int value) {
		if (this.file == null) {
			return;
		}
		this.marks.merge(key(agency, day), value, Math::max);
		String oldest = DailySequenceCodeGenerator.DAY.format(LocalDate.now(Timeliness.ZONE).minusDays(DAYS_KEPT));
		this.marks.keySet().removeIf(k -> split(k)[1].compareTo(oldest) < 0);
		StringBuilder text = new StringBuilder();
		new TreeMap<>(this.marks).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
		try {
			Files.createDirectories(this.file.toAbsolutePath().getParent());
			Path tmp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			try {
				Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

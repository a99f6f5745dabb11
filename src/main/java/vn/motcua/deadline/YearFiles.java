package vn.motcua.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the year files: {@code classpath:calendar/<year>.yaml}, replaced for a year by the file of
 * the external directory or the one an administrator applied (stored in the database), whichever
 * changed last.
 */
final class YearFiles {

	private YearFiles() {
	}

	static Map<Integer, YearSchedule> load(String directory) {
		return load(directory, List.of());
	}

	static Map<Integer, YearSchedule> load(String directory, List<YearFileStore.Stored> stored) {
		Map<Integer, YearSchedule> years = new TreeMap<>();
		Map<Integer, Long> changedAt = new TreeMap<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.yaml");
			for (Resource resource : resources) {
				String name = "calendar/" + resource.getFilename();
				if (YearScheduleParser.yearOfFileName(name) == -1) {
					continue;
				}
				try (InputStream in = resource.getInputStream()) {
					YearSchedule schedule = YearScheduleParser.parse(name, in);
					years.put(schedule.year(), schedule);
				}
			}
			for (Path file : externalFiles(directory)) {
				try (InputStream in = Files.newInputStream(file)) {
					YearSchedule schedule = YearScheduleParser.parse(file.toString(), in);
					years.put(schedule.year(), schedule);
					changedAt.put(schedule.year(), Files.getLastModifiedTime(file).toMillis());
				}
			}
			for (YearFileStore.Stored file : stored) {
				if (file.uploadedAt().toEpochMilli() >= changedAt.getOrDefault(file.year(), Long.MIN_VALUE)) {
					YearSchedule schedule = YearScheduleParser.parse(file.fileName(),
							new java.io.ByteArrayInputStream(file.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
					years.put(schedule.year(), schedule);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return years;
	}

	/** The year files ({@code NNNN.yaml}) of the external directory, if one is set. */
	static List<Path> externalFiles(String directory) {
		if (directory == null || directory.isBlank()) {
			return List.of();
		}
		Path dir = Path.of(directory);
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("motcua.calendar.directory " + dir.toAbsolutePath() + " is not a directory");
		}
		try (Stream<Path> files = Files.list(dir)) {
			return new ArrayList<>(files.filter(f -> YearScheduleParser.yearOfFileName(f.getFileName().toString()) != -1)
				.sorted()
				.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fingerprint of the external directory's files, to notice edits. */
	static String fingerprint(String directory) {
		StringBuilder sb = new StringBuilder();
		for (Path file : externalFiles(directory)) {
			try {
				sb.append(file).append('@').append(Files.getLastModifiedTime(file).toMillis()).append('#')
					.append(Files.size(file)).append(';');
			}
			catch (IOException ex) {
				sb.append(file).append("!;");
			}
		}
		return sb.toString();
	}

}

package org.tidings.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Article;
import org.tidings.publish.MergedFeedFormat;
import org.tidings.publish.MergedFeedInfo;
import org.tidings.publish.MergedFeedWriter;
import org.tidings.store.ArticleQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings feed}: the merged feed of the newest articles, to stdout. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Print the merged feed of the newest articles across all feeds.")
final class FeedCommand implements Callable<Integer> {
    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "atom", description = "atom, rss or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--category", description = "Only articles of feeds in this category.")
    String category;

    @Option(names = "--limit", defaultValue = "50", description = "How many articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        MergedFeedFormat f = MergedFeedFormat.fromName(format);
        try (Tidings t = root.open()) {
            List<Article> articles = t.articles().newest(new ArticleQuery(category, limit));
            MergedFeedInfo info = MergedFeedInfo.served(t.config().publicUrl(), f, category);
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            new MergedFeedWriter(t.clock()).write(info, articles, f, buf);
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

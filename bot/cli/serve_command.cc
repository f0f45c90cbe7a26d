// serve (the default command) and healthcheck.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <httplib.h>

#include "cli/cli.h"
#include "cli/memory_trim.h"
#include "cli/open_stores.h"
#include "cli/wiring.h"
#include "core/completion_notice.h"
#include "core/session_service.h"
#include "http/http_server.h"
#include "http/listen_backlog.h"
#include "slack/slack_service.h"

namespace bot {
namespace {

std::string Setting(const Args& args, const char* flag, const char* env, const std::string& fallback) {
  if (args.Has(flag)) return args.Get(flag);
  if (const char* v = std::getenv(env); v && *v) return v;
  return fallback;
}

}  // namespace

int ServeCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"port", true, "port to listen on (env PORT, default 8080; 0 picks a free one)"},
      {"bind", true, "address to bind (env BIND_ADDRESS, default 0.0.0.0)"},
      {"db", true, "SQLite database file (env DATABASE_PATH, default ./data/interview.db)"},
      {"database-url", true, "PostgreSQL instead of SQLite, for several replicas: postgresql://user:pass@host:port/db (env DATABASE_URL)"},
      ContentFlag(),
      {"threads", true, "worker threads, one per open connection (env WORKER_THREADS, default 32)"},
      {"connections-per-address", true, "open connections one client address may hold (env CONNECTIONS_PER_ADDRESS, default threads/4, at least 2)"},
      {"rate-limit", true, "API requests per minute per client address, 0 for none (env RATE_LIMIT_PER_MINUTE, default 300)"},
      {"web-dir", true, "serve the page from this directory instead of the binary (env WEB_DIR)"},
      {"release-idle", true, "free a question's compiled patterns when unscored for this many seconds, up to twice as long (env RELEASE_IDLE_SECONDS, default 300; 0 keeps them)"},
      HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot [serve] [flags]", io, &code);
  if (!args) return code;
  int port = 0, threads = 0, rate = 0;
  if (!ParseInt(Setting(*args, "port", "PORT", "8080"), 0, 65535, &port)) {
    io.err << "interview-bot serve: port must be a number from 0 to 65535\n";
    return 2;
  }
  if (!ParseInt(Setting(*args, "threads", "WORKER_THREADS", "32"), 1, 256, &threads)) {
    io.err << "interview-bot serve: threads must be a number from 1 to 256\n";
    return 2;
  }
  if (!ParseInt(Setting(*args, "rate-limit", "RATE_LIMIT_PER_MINUTE", "300"), 0, 1000000, &rate)) {
    io.err << "interview-bot serve: rate-limit must be a number from 0 to 1000000\n";
    return 2;
  }
  int release_idle = 0;
  if (!ParseInt(Setting(*args, "release-idle", "RELEASE_IDLE_SECONDS", "300"), 0, 86400, &release_idle)) {
    io.err << "interview-bot serve: release-idle must be a number of seconds from 0 to 86400\n";
    return 2;
  }
  int per_address = 0;
  if (!ParseInt(Setting(*args, "connections-per-address", "CONNECTIONS_PER_ADDRESS",
                        std::to_string(std::max(2, threads / 4))),
                1, 100000, &per_address)) {
    io.err << "interview-bot serve: connections-per-address must be a number from 1 to 100000\n";
    return 2;
  }
  const std::string bind = Setting(*args, "bind", "BIND_ADDRESS", "0.0.0.0");
  const std::string db_path = Setting(*args, "db", "DATABASE_PATH", "data/interview.db");
  const std::string content = ContentDir(*args);
  const std::string database_url = Setting(*args, "database-url", "DATABASE_URL", "");
  if (!database_url.empty() && !IsPostgresUrl(database_url)) {
    io.err << "interview-bot serve: database-url must be a PostgreSQL URL starting with "
              "postgresql:// (or postgres://); without it the SQLite file at --db is used\n";
    return 2;
  }

  // Signals are taken by one thread with sigwait, so a handler never runs inside httplib. They are
  // blocked before the slow start-up (bank compile, database open) so that a SIGTERM sent meanwhile
  // (PID 1 in a container) stays pending and stops the server as soon as it is up.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // Two arenas per core serve the cores' worth of threads that run at once; glibc's default of
  // eight per core lets RSS creep up over hours (docs/reliability.md, soak).
  LimitMallocArenas(2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));

  auto bank = LoadBankOrReport(content, io);
  if (!bank) {
    io.err << "interview-bot: not starting: fix the question bank first\n";
    return 1;
  }
  // Questions compile when first scored, and are freed again when idle (the trimmer below), so an
  // idle server holds none of them. LoadBank has checked that every pattern compiles.
  auto scorer = rubric::Scorer::Open(*bank);
  std::string error;
  Stores stores;
  if (!OpenStores(database_url, db_path, threads, &stores, &error)) {
    io.err << "interview-bot: not starting: " << error << "\n";
    return 1;
  }
  RealClock clock;
  SecureRandom random;
  Metrics metrics;
  RateLimiter limiter(clock, rate, std::max(20, rate / 3));
  Interview interview(*scorer, clock, random);
  const SlackConfig slack_config = SlackConfigFromEnv([](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  });
  CompletionNotice notice(interview.bank(), slack_config.webhook_urls, slack_config.public_base_url);
  SessionService sessions(interview, *stores.sessions, &notice);
  SlackService slack(slack_config, sessions, *stores.queue, clock);
  ServerConfig config;
  config.version = INTERVIEW_BOT_VERSION;
  config.web_dir = Setting(*args, "web-dir", "WEB_DIR", "");
  config.report_token_valid = ReportTokenCheck(slack_config.signing_secret);
  HttpServer http({sessions, metrics, limiter}, config);
  AddSlackRoutes(http, slack.routes(), limiter);
  ConnectionLimits limits;
  limits.per_address = per_address;
  GuardedServer server(limits);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.Install(&server);

  int bound = port;
  if (port == 0) {
    bound = server.bind_to_any_port(bind);
  } else if (!server.bind_to_port(bind, port)) {
    bound = -1;
  }
  if (bound < 0) {
    io.err << "interview-bot: cannot listen on " << bind << ":" << port << "\n";
    return 1;
  }
  // Links in Slack, webhooks and reports, unless PUBLIC_BASE_URL is set.
  const std::string base_url = "http://" + std::string(bind == "0.0.0.0" ? "localhost" : bind) +
                               ":" + std::to_string(bound);
  if (slack_config.public_base_url.empty()) notice.SetPublicBaseUrl(base_url);
  http.SetPublicBaseUrl(slack_config.public_base_url.empty() ? base_url : slack_config.public_base_url);
  slack.SetDefaultBaseUrl(base_url);
  io.out << slack.Describe();
  slack.Start();
  if (!WidenListenBacklog(bound, SOMAXCONN)) {
    io.err << "interview-bot: warning: could not raise the listen backlog; bursts of new "
              "connections may wait a second\n";
  }
  io.out << "interview-bot " << INTERVIEW_BOT_VERSION << ": " << bank->questions.size()
         << " questions from " << content << ", database " << stores.description << "\n"
         << "Open http://" << (bind == "0.0.0.0" ? "localhost" : bind) << ":" << bound << "/\n"
         << std::flush;

  const int trim_seconds = release_idle > 0 ? std::min(30, release_idle) : 30;
  MemoryTrimmer trimmer(std::chrono::seconds(trim_seconds),
                        (release_idle + trim_seconds - 1) / trim_seconds,
                        [&] { scorer->ReleaseIdle(); });
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    io.out << "interview-bot: signal " << sig << ", finishing in-flight requests\n" << std::flush;
    server.stop();
  });
  const bool ok = server.listen_after_bind();
  if (stopper.joinable()) {
    // listen returned without a signal (socket error): wake the stopper so it can exit.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  }
  // After the HTTP server: no new deliveries arrive while the worker finishes its pass.
  slack.Stop();
  io.out << "interview-bot: stopped\n" << std::flush;
  return ok ? 0 : 1;
}

int HealthcheckCommand(const std::vector<std::string>& argv, Io io) {
  const std::vector<FlagSpec> specs = {
      {"port", true, "port of the local server (env PORT, default 8080)"}, HelpFlag()};
  int code = 0;
  auto args = ParseCommand(argv, specs, "interview-bot healthcheck [--port N]", io, &code);
  if (!args) return code;
  int port = 0;
  if (!ParseInt(Setting(*args, "port", "PORT", "8080"), 1, 65535, &port)) {
    io.err << "interview-bot healthcheck: port must be a number from 1 to 65535\n";
    return 2;
  }
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(2, 0);
  client.set_read_timeout(3, 0);
  auto res = client.Get("/healthz");
  if (!res || res->status != 200) {
    io.err << "interview-bot healthcheck: unhealthy ("
           << (res ? "status " + std::to_string(res->status) : std::string("no answer")) << ")\n";
    return 1;
  }
  io.out << res->body << "\n";
  return 0;
}

}  // namespace bot

#include "slack/slack_conversation.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>

#include "core/mrkdwn.h"
#include "slack/report_link.h"
#include "slack/slack_blocks.h"
#include "slack/slack_text.h"

namespace bot {
namespace {

using nlohmann::json;

constexpr char kNoInterview[] = "No interview in progress; start one with `/interview start`.";

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "<@U123> start easy" -> "start easy".
std::string WithoutMentions(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 2, "<@") == 0) {
      const size_t end = text.find('>', i);
      if (end != std::string::npos) {
        i = end + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return Trim(out);
}

// Errors that say nothing about the delivery itself: the same delivery may succeed later.
bool Retryable(const Error& e) {
  return e.kind == ErrorKind::kStorage || e.kind == ErrorKind::kConflict ||
         e.kind == ErrorKind::kUnavailable || e.kind == ErrorKind::kInternal;
}

}  // namespace

const char* SlackConversation::HelpText() {
  return "Mock interviews in Slack. Use `/interview` with:\n"
         "• `start [track]`: start an interview (track: all, `random N`, a difficulty, role or level)\n"
         "• `hint`, `skip`, `repeat`, `model`, `end`: the same commands as the web chat\n"
         "• `report`: a link to your latest interview's report\n"
         "• `help`: this message\n"
         "Answer the questions by sending me a direct message.";
}

const char* SlackConversation::WaitText() {
  return "Something went wrong on our side. Your message is kept and will be answered as soon as "
         "it can be; there is no need to send it again.";
}

std::string SlackConversation::ReportUrl(const std::string& id) const {
  return base_ + "/s/" + id + "/report?t=" + ReportToken(report_key_, id);
}

OutboxItem SlackConversation::ReplyItem(const Reply& reply, json message) const {
  OutboxItem item;
  if (!reply.response_url.empty()) {
    message["response_type"] = reply.in_channel ? "in_channel" : "ephemeral";
    item.kind = "response_url";
    item.target = reply.response_url;
  } else {
    message["channel"] = reply.channel;
    if (!reply.thread_ts.empty()) message["thread_ts"] = reply.thread_ts;
    item.kind = "slack_api";
    item.target = "chat.postMessage";
  }
  item.body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return item;
}

MaybeError SlackConversation::Send(const Delivery& d, std::vector<json> messages) {
  std::vector<OutboxItem> items;
  for (auto& m : messages) items.push_back(ReplyItem(d.reply, std::move(m)));
  return sessions_.Reply(std::move(items), d.inbox_id);
}

MaybeError SlackConversation::Notice(const Delivery& d, const std::string& text) {
  return Send(d, {RenderNotice(text)});
}

TurnOptions SlackConversation::Options(const Delivery& d) const {
  TurnOptions options;
  options.inbox_done = d.inbox_id;
  options.reply = [this, reply = d.reply](const Session& s, const std::vector<Message>& fresh) {
    return std::vector<OutboxItem>{ReplyItem(reply, RenderMessages(fresh, ReportUrl(s.id)))};
  };
  return options;
}

MaybeError SlackConversation::Settle(const MaybeError& e, const Delivery& d,
                                     const std::string& prefix) {
  if (!e || e->kind == ErrorKind::kDuplicate) return std::nullopt;
  if (Retryable(*e)) return e;
  return Notice(d, prefix + e->message);
}

MaybeError SlackConversation::Process(const InboxItem& item) {
  Delivery d;
  d.inbox_id = item.id;
  MaybeError e;
  const json body = json::parse(item.payload, nullptr, false);
  if (!body.is_object()) {
    e = Send(d, {});  // validated before it was stored; nothing to do
  } else if (item.kind == "event") {
    e = ProcessEvent(body, &d);
  } else if (item.kind == "interaction") {
    e = ProcessInteraction(body, &d);
  } else {
    e = ProcessCommand(body, &d);
  }
  if (e && e->kind == ErrorKind::kDuplicate) return std::nullopt;  // another worker processed it
  const bool can_answer = !d.reply.response_url.empty() || !d.reply.channel.empty();
  if (e && can_answer && told_to_wait_.insert(item.id).second) {
    // Not marked: the delivery itself is retried; this only keeps its sender from waiting blind.
    if (auto told = sessions_.Reply({ReplyItem(d.reply, RenderNotice(WaitText()))}, std::nullopt)) {
      std::cerr << "interview-bot: could not queue the retry notice: " << told->message << "\n";
    }
  }
  return e;
}

MaybeError SlackConversation::ProcessCommand(const json& body, Delivery* d) {
  d->team = Str(body, "team_id");
  d->user = Str(body, "user_id");
  d->user_name = Str(body, "user_name");
  d->reply.response_url = Str(body, "response_url");
  d->reply.in_channel = Str(body, "channel_name") == "directmessage";
  if (d->reply.response_url.empty()) d->reply.channel = d->user;
  return SubCommand(PlainFromSlack(Str(body, "text")), *d);
}

MaybeError SlackConversation::ProcessEvent(const json& body, Delivery* d) {
  const json event = body.value("event", json::object());
  const std::string type = Str(event, "type");
  // Our own posts come back as message.im events; so do edits and other bots' messages.
  if (!Str(event, "bot_id").empty() || !Str(event, "subtype").empty() ||
      Str(event, "user") == identity_.user_id || Str(event, "user").empty()) {
    return Send(*d, {});
  }
  d->team = Str(body, "team_id");
  d->user = Str(event, "user");
  d->reply.channel = Str(event, "channel");
  if (type == "app_mention") {
    d->reply.thread_ts = Str(event, "ts");
    return SubCommand(PlainFromSlack(WithoutMentions(Str(event, "text"))), *d);
  }
  if (type != "message" || Str(event, "channel_type") != "im") return Send(*d, {});
  const std::string text = PlainFromSlack(Str(event, "text"));
  std::string active;
  if (auto e = sessions_.ActiveSlackSession(SlackUser(*d), &active)) return e;
  if (active.empty()) return SubCommand(text, *d);
  return Apply(Input{text, ""}, *d);
}

MaybeError SlackConversation::ProcessInteraction(const json& payload, Delivery* d) {
  if (Str(payload, "type") != "block_actions") return Send(*d, {});
  const json user = payload.value("user", json::object());
  d->team = Str(user, "team_id");
  if (d->team.empty()) d->team = Str(payload.value("team", json::object()), "id");
  d->user = Str(user, "id");
  d->user_name = Str(user, "username");
  d->reply.channel = Str(payload.value("channel", json::object()), "id");
  if (d->reply.channel.empty()) d->reply.channel = d->user;
  const json actions = payload.value("actions", json::array());
  if (!actions.is_array() || actions.empty()) return Send(*d, {});
  const std::string action = Str(actions[0], "action_id");
  if (action != "next") return SubCommand(action, *d);
  std::string id;
  if (auto e = sessions_.ActiveSlackSession(SlackUser(*d), &id)) return e;
  if (id.empty()) return Notice(*d, kNoInterview);
  Session s;
  if (auto e = sessions_.Load(id, &s)) return Settle(e, *d, "");
  // The interview moves on by itself after an answer; "Next" skips a pending follow-up.
  return Apply(Input{"", s.state == SessionState::kFollowUp ? "skip" : "repeat"}, *d);
}

MaybeError SlackConversation::SubCommand(const std::string& text, const Delivery& d) {
  std::istringstream words(Trim(text));
  std::string verb, rest;
  words >> verb;
  std::getline(words, rest);
  verb = Lower(verb);
  if (verb.empty() || verb == "help") return Notice(d, HelpText());
  if (verb == "start") return Start(Trim(rest), d);
  if (verb == "report") return Report(d);
  const std::string command = Interview::CommandOf(verb);
  if (!command.empty()) return Apply(Input{"", command}, d);
  return Notice(d, "Unknown sub-command \"" + TruncateUtf8(verb, 40) + "\".\n" + HelpText());
}

MaybeError SlackConversation::Start(const std::string& track, const Delivery& d) {
  std::string active;
  if (auto e = sessions_.ActiveSlackSession(SlackUser(d), &active)) return e;
  if (!active.empty()) {
    return Notice(d, "You already have an interview in progress: answer in our DM, or `/interview "
                     "end` it first.");
  }
  StartRequest request;
  // Cut on a character boundary: a split UTF-8 sequence would not survive JSON storage.
  size_t cut = std::min(d.user_name.size(), static_cast<size_t>(Interview::kMaxNameChars));
  while (cut > 0 && cut < d.user_name.size() &&
         (static_cast<unsigned char>(d.user_name[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  request.name = d.user_name.substr(0, cut);
  request.client_id = ClientId(d);
  request.source = SessionSource::kSlack;
  request.slack_user = SlackUser(d);
  std::istringstream words(Lower(track));
  std::string first, second;
  words >> first >> second;
  Turn turn;
  MaybeError error;
  if (first.empty() || first == "all") {
    request.track.kind = "all";
    error = sessions_.Start(request, Options(d), &turn);
  } else if (first == "random") {
    request.track.kind = "random";
    request.track.count = second.empty() || second.size() > 3 ||
                                  second.find_first_not_of("0123456789") != std::string::npos
                              ? 0
                              : std::stoi(second);
    error = sessions_.Start(request, Options(d), &turn);
  } else {
    // A bare word names a difficulty, a role or a level, whichever matches.
    for (const char* kind : {"difficulty", "role", "level"}) {
      request.track.kind = kind;
      request.track.value = track;
      error = sessions_.Start(request, Options(d), &turn);
      if (!error || error->kind != ErrorKind::kInvalid) break;
    }
  }
  return Settle(error, d, "Could not start: ");
}

MaybeError SlackConversation::Apply(const Input& input, const Delivery& d) {
  std::string id;
  if (auto e = sessions_.ActiveSlackSession(SlackUser(d), &id)) return e;
  if (id.empty()) return Notice(d, kNoInterview);
  Turn turn;
  return Settle(sessions_.Handle(id, input, Options(d), &turn), d, "");
}

MaybeError SlackConversation::Report(const Delivery& d) {
  std::string id;
  if (auto e = sessions_.ActiveSlackSession(SlackUser(d), &id)) return e;
  if (id.empty()) {
    std::vector<Session> past;
    if (auto e = sessions_.ListByClient(ClientId(d), 1, &past)) return e;
    if (past.empty()) return Notice(d, "You have no interview yet; start one with `/interview start`.");
    id = past[0].id;
  }
  json message = RenderNotice("Your interview report:");
  message["blocks"][0]["text"]["text"] = "Your interview report: <" + ReportUrl(id) + "|open it>";
  message["text"] = "Your interview report: " + ReportUrl(id);
  // The link opens the report to whoever has it: it goes to its owner only, as an ephemeral
  // response or a DM, never into a channel or thread (an @mention comes from a channel).
  Delivery owner = d;
  owner.reply.in_channel = false;
  if (owner.reply.response_url.empty()) {
    owner.reply.channel = d.user;
    owner.reply.thread_ts.clear();
  }
  return Send(owner, {message});
}

}  // namespace bot

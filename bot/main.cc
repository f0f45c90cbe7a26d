// interview-bot: thin entry point; the commands live in bot_cli (bot/cli/), which wires the layers.
#include <exception>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  try {
    return bot::RunCli(std::vector<std::string>(argv, argv + argc), {std::cin, std::cout, std::cerr});
  } catch (const std::exception& e) {
    std::cerr << "interview-bot: internal error: " << e.what() << "\n";
    return 1;
  }
}

"""Reference implementation of smesim's `bass` adoption rule in idiomatic Mesa.

Each tick every non-member firm joins with probability p + q*F, F being the
member share at the end of the previous tick. Written the way the Mesa
tutorials write models (an Agent subclass with step(), AgentSet.do, a
DataCollector), so the speed comparison in scripts/bench.sh is against Mesa
as people use it.

Prints one JSON line: firms, ticks, seconds, agent_steps_per_second,
peak_rss_kib, final_share.
"""
import argparse
import json
import resource
import time

import mesa


class Firm(mesa.Agent):
    def __init__(self, model):
        super().__init__(model)
        self.member = False

    def step(self):
        if not self.member and self.random.random() < self.model.hazard:
            self.member = True
            self.model.joins += 1


class BassAdoption(mesa.Model):
    def __init__(self, firms, p, q, initial_members, seed):
        super().__init__(seed=seed)
        self.firms = firms
        self.p = p
        self.q = q
        self.hazard = 0.0
        self.joins = 0
        Firm.create_agents(model=self, n=firms)
        for firm in self.random.sample(list(self.agents), initial_members):
            firm.member = True
        self.members = initial_members
        self.datacollector = mesa.DataCollector(
            model_reporters={"members": "members", "joins": "joins"}
        )
        self.datacollector.collect(self)

    def step(self):
        share = self.members / self.firms
        self.hazard = min(1.0, self.p + self.q * share)
        self.joins = 0
        self.agents.do("step")
        self.members += self.joins
        self.datacollector.collect(self)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--firms", type=int, required=True)
    parser.add_argument("--ticks", type=int, default=120)
    parser.add_argument("--p", type=float, default=0.0025)
    parser.add_argument("--q", type=float, default=0.032)
    parser.add_argument("--initial-members", type=int, default=12)
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args()

    start = time.perf_counter()
    model = BassAdoption(args.firms, args.p, args.q, args.initial_members, args.seed)
    for _ in range(args.ticks):
        model.step()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "firms": args.firms,
        "ticks": args.ticks,
        "seconds": seconds,
        "agent_steps_per_second": args.firms * args.ticks / seconds,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "final_share": model.members / args.firms,
    }))


if __name__ == "__main__":
    main()

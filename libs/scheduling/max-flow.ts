/** Dinic max-flow on integer capacities; small and allocation-light, used by the bounds. */
export class MaxFlow {
  private head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private capArr: number[] = [];
  private level: Int32Array;
  private iterArr: Int32Array;

  constructor(private readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iterArr = new Int32Array(nodes);
  }

  addEdge(u: number, v: number, c: number): void {
    this.to.push(v);
    this.capArr.push(c);
    this.next.push(this.head[u]);
    this.head[u] = this.to.length - 1;
    this.to.push(u);
    this.capArr.push(0);
    this.next.push(this.head[v]);
    this.head[v] = this.to.length - 1;
  }

  run(s: number, t: number): number {
    let flow = 0;
    const queue = new Int32Array(this.nodes);
    for (;;) {
      this.level.fill(-1);
      this.level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++];
        for (let e = this.head[u]; e >= 0; e = this.next[e]) {
          const v = this.to[e];
          if (this.capArr[e] > 0 && this.level[v] < 0) {
            this.level[v] = this.level[u] + 1;
            queue[qt++] = v;
          }
        }
      }
      if (this.level[t] < 0) return flow;
      this.iterArr.set(this.head);
      for (;;) {
        const f = this.dfs(s, t, Infinity);
        if (f === 0) break;
        flow += f;
      }
    }
  }

  private dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (let e = this.iterArr[u]; e >= 0; e = this.next[e], this.iterArr[u] = e) {
      const v = this.to[e];
      if (this.capArr[e] > 0 && this.level[v] === this.level[u] + 1) {
        const d = this.dfs(v, t, Math.min(f, this.capArr[e]));
        if (d > 0) {
          this.capArr[e] -= d;
          this.capArr[e ^ 1] += d;
          return d;
        }
      }
    }
    this.iterArr[u] = -1;
    return 0;
  }
}

print("crier")
